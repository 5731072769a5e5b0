import { languageForLocale, type Language } from '../../../shared/i18n/languages';

/** The OS language: LC_ALL, LC_MESSAGES or LANG (POSIX), else the runtime's Intl locale (Windows, macOS). */
export function systemLanguage(env: NodeJS.ProcessEnv = process.env): Language {
  const posix = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  return languageForLocale(posix && posix !== 'C' && posix !== 'POSIX' ? posix : Intl.DateTimeFormat().resolvedOptions().locale);
}
