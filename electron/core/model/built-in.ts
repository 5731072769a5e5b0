import type { ModelSpec } from '../../../shared/model-spec';
import { MOBILENETV2_DEFAULT_WIDTH, mobilenetV2Cifar } from './architectures/mobilenetv2-cifar';
import { MOBILENETV3S_DEFAULT_WIDTH, mobilenetV3SmallCifar } from './architectures/mobilenetv3s-cifar';
import { DEFAULT_CLASSES, guideModel } from './baseline';

/** The built-in architectures, selectable by name (`--model`, the wizard's model step). */
export const MODEL_NAMES = ['baseline', 'baseline-keepdims', 'mobilenetv2-cifar', 'mobilenetv3s-cifar'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface BuiltInModelOptions {
  /** Units of the classifier: the data set's class count. */
  classes?: number;
  /** Width multiplier (alpha) of the MobileNets; the guide's CNN has none. */
  width?: number;
}

interface BuiltInModel {
  description: string;
  /** The width multiplier used when none is given; null for models without one. */
  defaultWidth: number | null;
  build(classes: number, width: number): ModelSpec;
}

export const BUILT_IN_MODELS: Record<ModelName, BuiltInModel> = {
  baseline: {
    description: "The guide's 1,802-parameter CNN (GlobalAveragePooling2D without keepdims)",
    defaultWidth: null,
    build: (classes) => guideModel(false, classes),
  },
  'baseline-keepdims': {
    description: "The guide's CNN with GlobalAveragePooling2D keepdims, as XNNPACK wants",
    defaultWidth: null,
    build: (classes) => guideModel(true, classes),
  },
  'mobilenetv2-cifar': {
    description: 'MobileNetV2 for 32x32 images: inverted residual blocks with Add and ReLU6',
    defaultWidth: MOBILENETV2_DEFAULT_WIDTH,
    build: mobilenetV2Cifar,
  },
  'mobilenetv3s-cifar': {
    description: 'MobileNetV3-Small for 32x32 images: hard-swish, squeeze-excite blocks, 5x5 depthwise',
    defaultWidth: MOBILENETV3S_DEFAULT_WIDTH,
    build: mobilenetV3SmallCifar,
  },
};

export const WIDTH_LIMITS = { min: 0.1, max: 4 } as const;

export function isModelName(value: string): value is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(value);
}

/** Builds a built-in architecture; a width on a model without a width multiplier is refused. */
export function modelByName(name: ModelName, options: BuiltInModelOptions = {}): ModelSpec {
  const model = BUILT_IN_MODELS[name];
  const classes = options.classes ?? DEFAULT_CLASSES;
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`a classifier needs at least 2 classes, got ${classes}`);
  if (options.width !== undefined) {
    if (model.defaultWidth === null)
      throw new RangeError(`model '${name}' has no width multiplier; --width applies to the MobileNets`);
    if (!(options.width >= WIDTH_LIMITS.min && options.width <= WIDTH_LIMITS.max))
      throw new RangeError(`width must be between ${WIDTH_LIMITS.min} and ${WIDTH_LIMITS.max}, got ${options.width}`);
  }
  return model.build(classes, options.width ?? model.defaultWidth ?? 1);
}
