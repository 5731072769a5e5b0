import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createFormatters, NBSP, type Formatters } from '../format/formatters';
import { isLanguage } from '../i18n/i18n';

/** The formatters for the current i18next language (en when it is anything else), units joined by a non-breaking space. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'en';
  return useMemo(() => createFormatters(lang, { unitSpace: NBSP }), [lang]);
}
