import type { ModelSpec } from '../../../shared/model-spec';
import { UserError } from '../util/errors';
import type { ModelWeights } from '../model/weights';
import type { AdamConfig, BackendChoice, BackendName, Trainer } from './types';

export const BACKEND_CHOICES: BackendChoice[] = ['auto', 'fast-cpu', 'tfjs-cpu', 'tfjs-node'];

let tfjsNodeLoad: Promise<boolean> | undefined;

/** True when @tensorflow/tfjs-node (native TensorFlow) is installed and loads on this machine. */
export function tfjsNodeAvailable(): Promise<boolean> {
  tfjsNodeLoad ??= import('@tensorflow/tfjs-node' as string).then(
    () => true,
    () => false,
  );
  return tfjsNodeLoad;
}

/** `auto` = tfjs-node when it loads, otherwise Sparse Studio's fast CPU engine. */
export async function resolveBackend(choice: BackendChoice): Promise<BackendName> {
  if (choice === 'auto') return (await tfjsNodeAvailable()) ? 'tfjs-node' : 'fast-cpu';
  if (choice === 'tfjs-node' && !(await tfjsNodeAvailable())) {
    throw new UserError(
      'BACKEND_UNAVAILABLE',
      'The tfjs-node backend is not available: @tensorflow/tfjs-node is not installed or its native TensorFlow library did not load.',
      "Use --backend auto (or fast-cpu), or install it with 'npm install @tensorflow/tfjs-node' on a machine it supports.",
    );
  }
  return choice;
}

export function parseBackendChoice(value: string | undefined): BackendChoice {
  const choice = (value ?? 'auto') as BackendChoice;
  if (!BACKEND_CHOICES.includes(choice)) {
    throw new UserError('BAD_OPTION', `--backend must be one of ${BACKEND_CHOICES.join(', ')}, got '${value}'`);
  }
  return choice;
}

/**
 * A trainer on the chosen backend. `threads` (default 1) splits every batch of the fast-cpu engine over that many
 * threads (`trainer.threads` says how many it got: 1 without the WebAssembly kernels); the TF.js backends ignore it.
 */
export async function createTrainer(
  spec: ModelSpec,
  weights: ModelWeights,
  choice: BackendChoice,
  extra: { adam?: AdamConfig; threads?: number } = {},
): Promise<Trainer> {
  const backend = await resolveBackend(choice);
  const options = extra.adam ? { spec, weights, adam: extra.adam } : { spec, weights };
  if (backend === 'fast-cpu') {
    const { createParallelFastTrainer } = await import('./fast/parallel/parallel-trainer');
    return createParallelFastTrainer(options, extra.threads ?? 1);
  }
  const { createTfjsTrainer } = await import('./tfjs-trainer');
  return createTfjsTrainer(options, backend);
}
