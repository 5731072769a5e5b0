import type { ModelSpec } from '../../../shared/model-spec';
import { UserError } from '../util/errors';

/** The number of classes a model predicts: the units of its last Dense layer (undefined when it ends otherwise). */
export function modelClassCount(spec: ModelSpec): number | undefined {
  const last = [...spec.layers].reverse().find((l) => l.type === 'Dense');
  return last && 'units' in last ? last.units : undefined;
}

/** Refuses, before any training, a model whose output does not match the data set's classes. */
export function checkClassCount(spec: ModelSpec, classNames: readonly string[], modelSource: string, dataSource: string): void {
  const units = modelClassCount(spec);
  if (units === undefined || units === classNames.length) return;
  throw new UserError(
    'CLASS_COUNT_MISMATCH',
    `${modelSource} predicts ${units} classes, but the data set ${dataSource} has ${classNames.length} (${classNames.join(', ')})`,
    `Use the data set the model was trained on, or train a new model on this one (\`train --data ${dataSource}\`): the built-in model takes its class count from the data.`,
  );
}
