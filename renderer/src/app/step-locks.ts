import { appI18n } from '../i18n/app-i18n';
import type { Pipeline } from '../state/pipeline-context';

/** Why a wizard step cannot run yet (undefined: it can), from what the current run already has. */
export function stepLock(step: number, pipeline: Pick<Pipeline, 'runDir' | 'pruned' | 'tfliteFiles'>): string | undefined {
  switch (step) {
    case 4:
      return pipeline.runDir ? undefined : appI18n.t('wizard.lock.trained');
    case 5:
      return pipeline.pruned ? undefined : appI18n.t('wizard.lock.pruned');
    case 6:
      return pipeline.tfliteFiles.length > 0 ? undefined : appI18n.t('wizard.lock.converted');
    case 7:
      return pipeline.runDir ? undefined : appI18n.t('wizard.lock.run');
    default:
      return undefined;
  }
}
