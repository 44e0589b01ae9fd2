import { useTranslation } from 'react-i18next';
import type { Messages } from '../../../i18n/locales/nl';

type Problem = keyof Messages['board']['health']['problems'];

/**
 * What a finding or a refusal code (fork, not_next, head_differs…) means, in the screen's language.
 * A code this version has no words for (from a newer witness, say) is shown as it is.
 */
export function useProblemWords(): (code: string) => string {
  const { t, i18n } = useTranslation();
  return (code) => (i18n.exists(`board.health.problems.${code}`) ? t(`board.health.problems.${code as Problem}`) : code);
}
