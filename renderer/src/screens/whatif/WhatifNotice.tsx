import { WHATIF_NOTICE } from '../../../../electron/core/whatif/notice';

/** Next to every number of a what-if: the weights were pruned without training, so only the speed means anything. */
export function WhatifNotice({ testId }: { testId: string }) {
  return (
    <p className="warning whatif-notice" role="note" data-testid={testId}>
      {WHATIF_NOTICE}
    </p>
  );
}
