// The languages the app and its reports speak. No imports: the contract (and so the preload) uses it.
export const LANGUAGES = ['en', 'th'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language for an OS/browser locale such as 'th-TH' or 'th_TH.UTF-8': Thai for any Thai locale, else English. */
export function languageForLocale(locale: string | undefined | null): Language {
  return /^th([-_.@]|$)/i.test(locale ?? '') ? 'th' : 'en';
}

/** The BCP 47 locale number and date formatting uses for a language. */
export function localeOf(lang: Language): string {
  return lang === 'th' ? 'th-TH' : 'en-GB';
}
