import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { nl } from './locales/nl';

export const languages = ['nl', 'en'] as const;
export type Language = (typeof languages)[number];
export const resources = { nl: { translation: nl }, en: { translation: en } } as const;

/** Dutch by default; the kiosk never guesses the language from the browser. */
export function initI18n(language: Language = 'nl'): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}
