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

export async function createTrainer(
  spec: ModelSpec,
  weights: ModelWeights,
  choice: BackendChoice,
  adam?: AdamConfig,
): Promise<Trainer> {
  const backend = await resolveBackend(choice);
  const options = adam ? { spec, weights, adam } : { spec, weights };
  if (backend === 'fast-cpu') {
    const { createFastTrainer } = await import('./fast/trainer');
    return createFastTrainer(options);
  }
  const { createTfjsTrainer } = await import('./tfjs-trainer');
  return createTfjsTrainer(options, backend);
}
