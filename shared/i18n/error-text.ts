import type { i18n } from 'i18next';

export interface ErrorText {
  /** A short title for the error's code, in the instance's language. */
  title: string;
  /** What to do, for the code in general; the core's hint, when it gives one, is more specific. */
  todo: string;
}

/** The catalog entry of an error code (electron/core's UserError codes, transport codes), or the one for INTERNAL. */
export function errorText(i18n: Pick<i18n, 't' | 'exists'>, code: string): ErrorText {
  const key = i18n.exists(`errors.${code}.title`) ? code : 'INTERNAL';
  return { title: i18n.t(`errors.${key}.title`), todo: i18n.t(`errors.${key}.todo`) };
}
