import { createI18n, isLanguage, languageForLocale, type Language } from '../../../shared/i18n/i18n';

// The app's one i18next instance. Until the server says otherwise (app.info's systemLanguage, Settings' choice)
// it follows the browser's locale, which in Electron is the OS locale.

export const appI18n = createI18n(languageForLocale(typeof navigator === 'undefined' ? undefined : navigator.language));

let system: Language = isLanguage(appI18n.language) ? appI18n.language : 'en';

/** The OS language as the core sees it (the reports' language while Settings names none). */
export function systemLanguage(): Language {
  return system;
}

/** Shows the app in the chosen language, or the system's when `choice` is unset. */
export function applyLanguage(choice: Language | undefined, systemChoice?: Language): void {
  if (systemChoice) system = systemChoice;
  const lang = choice ?? system;
  if (appI18n.language !== lang) void appI18n.changeLanguage(lang);
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}
