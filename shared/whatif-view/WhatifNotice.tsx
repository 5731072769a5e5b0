import { useTranslation } from 'react-i18next';

/** Next to every number of a what-if: the weights were pruned without training, so only the speed means anything. */
export function WhatifNotice({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <p className="banner warning whatif-notice" role="note" data-testid={testId}>
      {t('whatif.notice')}
    </p>
  );
}
