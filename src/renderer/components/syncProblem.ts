import { useTranslation } from 'react-i18next';
import type { Messages } from '../i18n/locales/nl';

type Problem = keyof Messages['board']['health']['problems'];

/** A sync's problem code in words (the board screen's words for the same findings); a code this version has no words for as itself. */
export function useSyncProblemText(): (code: string | null) => string {
  const { t, i18n } = useTranslation();
  return (code) => {
    if (code === null) return '';
    return i18n.exists(`board.health.problems.${code}`) ? t(`board.health.problems.${code as Problem}`) : code;
  };
}
