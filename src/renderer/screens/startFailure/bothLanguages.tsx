import { useCallback } from 'react';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

type Values = Record<string, string | number>;
/** Only keys that exist in the Dutch source (and so, by the translations test, in English). */
export type TextKey = ParseKeys;

/** "Nederlands / English": for a screen that cannot know the school's language. */
export function useBothLanguages(): (key: TextKey, values?: Values) => string {
  const { i18n } = useTranslation();
  return useCallback(
    (key: TextKey, values: Values = {}) => `${i18n.getFixedT('nl')(key, values)} / ${i18n.getFixedT('en')(key, values)}`,
    [i18n],
  );
}

/** The Dutch text, then the English one under it (or after a slash, `inline`). */
export function BothLanguages({ k, values = {}, inline = false }: { k: TextKey; values?: Values; inline?: boolean }) {
  const { i18n } = useTranslation();
  const nl = i18n.getFixedT('nl')(k, values);
  const en = i18n.getFixedT('en')(k, values);
  if (inline) return <>{`${nl} / ${en}`}</>;
  return (
    <>
      <p lang="nl">{nl}</p>
      <p lang="en" className="field-hint">
        {en}
      </p>
    </>
  );
}
