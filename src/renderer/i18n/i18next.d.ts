import type { nl } from './locales/nl';

// A key that does not exist in the Dutch source is a compile error in every `t()` call.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof nl };
  }
}
