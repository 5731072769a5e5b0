import { useTranslation } from 'react-i18next';
import type { ContractError } from '../../../shared/contract';
import { errorText } from '../../../shared/i18n/error-text';
import { InlineCode } from './InlineCode';

/**
 * The error's title and what to do, in the app's language, then the core's own message (which names the file,
 * device or field). The core writes English: in another language it is shown as quoted detail.
 */
export function ErrorBox({ error, testId }: { error: ContractError | undefined; testId?: string }) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const text = errorText(i18n, error.code);
  const english = i18n.language === 'en';
  // In English the catalog's advice stands in for a missing hint; elsewhere it is already shown, translated.
  const hint = error.hint ?? (english ? text.todo : undefined);
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error'}>
      <p className="error-title">{text.title}</p>
      {english ? null : <p className="error-hint">{text.todo}</p>}
      {english ? null : <p className="error-original-label">{t('wizard.error.original')}</p>}
      <div className={english ? undefined : 'error-original'} lang="en" {...(english ? {} : { 'data-raw': '' })}>
        <p className="error-message">
          <InlineCode text={error.message} />
        </p>
        {hint ? (
          <p className="error-hint">
            <InlineCode text={hint} />
          </p>
        ) : null}
      </div>
      <p className="error-code">{error.code}</p>
    </div>
  );
}
