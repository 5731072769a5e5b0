import { createI18n, isLanguage, type Language } from '../../shared/i18n/i18n';
import { errorText } from '../../shared/i18n/error-text';
import { errorMessage } from '../core/util/errors';
import { systemLanguage } from '../core/util/system-language';

/** The language of the CLI's own messages: `--lang en|th` (also `--lang=th`) when given, else the system's. */
export function cliLanguage(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Language {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const value = arg === '--lang' ? args[i + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value !== undefined && isLanguage(value)) return value;
  }
  return systemLanguage(env);
}

/**
 * An error as the CLI prints it. English: the core's message (with its hint). Other languages: the code's
 * translated title and what to do, then the core's English message, which names the file, device or field.
 */
export function formatCliError(error: unknown, lang: Language): string {
  const message = errorMessage(error);
  if (lang === 'en') return `Error: ${message}\n`;
  const code = (error as { code?: unknown }).code;
  const i18n = createI18n(lang);
  const text = errorText(i18n, typeof code === 'string' ? code : 'INTERNAL');
  return `${i18n.t('cli.error')}: ${text.title}\n${text.todo}\n${i18n.t('wizard.error.original')}\n  ${message.replace(/\n/g, '\n  ')}\n`;
}
