import { BUILT_IN_MODELS, MODEL_NAMES, WIDTH_LIMITS, isModelName, type ModelName } from '../core/model/built-in';
import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';
import { numberOption, stringOption } from './options';

export const MODEL_OPTIONS = { model: { type: 'string' }, width: { type: 'string' } } as const;

export const MODEL_HELP = `  --model NAME                 built-in architecture (default: baseline):
${MODEL_NAMES.map((name) => `                                 ${name.padEnd(20)} ${BUILT_IN_MODELS[name].description}`).join('\n')}
  --width W                    MobileNets' width multiplier (mobilenetv2-cifar: ${BUILT_IN_MODELS['mobilenetv2-cifar'].defaultWidth}, mobilenetv3s-cifar: ${BUILT_IN_MODELS['mobilenetv3s-cifar'].defaultWidth})`;

export interface ModelChoice {
  model: ModelName;
  width?: number;
}

/** `--model` and `--width`, checked together (a width only applies to models that have one). */
export function modelOptions(values: ParsedValues, fallback: ModelName): ModelChoice {
  const raw = stringOption(values, 'model');
  const model = raw ?? fallback;
  if (!isModelName(model)) throw new UserError('BAD_OPTION', `--model must be one of ${MODEL_NAMES.join(', ')}, got '${raw}'`);
  if (stringOption(values, 'width') === undefined) return { model };
  if (BUILT_IN_MODELS[model].defaultWidth === null)
    throw new UserError('BAD_OPTION', `--width applies to the MobileNets only; model '${model}' has no width multiplier`);
  const width = numberOption(values, 'width', 1, WIDTH_LIMITS.min, WIDTH_LIMITS.max + Number.EPSILON);
  return { model, width };
}
