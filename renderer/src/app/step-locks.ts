import type { Pipeline } from '../state/pipeline-context';

/** Why a wizard step cannot run yet (undefined: it can), from what the current run already has. */
export function stepLock(step: number, pipeline: Pick<Pipeline, 'runDir' | 'pruned' | 'tfliteFiles'>): string | undefined {
  switch (step) {
    case 4:
      return pipeline.runDir ? undefined : 'Needs a trained model (step 3).';
    case 5:
      return pipeline.pruned ? undefined : 'Needs a pruned model (step 4).';
    case 6:
      return pipeline.tfliteFiles.length > 0 ? undefined : 'Needs the converted .tflite files (step 5).';
    case 7:
      return pipeline.runDir ? undefined : 'Needs a run (step 3 onwards).';
    default:
      return undefined;
  }
}
