import i18next, { type i18n } from 'i18next';
import { en } from './en';
import { th } from './th';
import type { Language } from './languages';

export * from './languages';

// One i18next setup for the app, the exported report (server-side React) and the CLI.

export const RESOURCES = { en: { translation: en }, th: { translation: th } } as const;

/** A ready i18next instance (resources are bundled, so it initialises synchronously). */
export function createI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: false,
    resources: RESOURCES,
    initAsync: false,
    // React escapes what it renders; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
    react: { useSuspense: false },
  });
  return instance;
}
