import type { Activation, ConvPadding, LayerSpec, ModelSpec, Pair } from '../../../../shared/model-spec';
import { DEFAULT_INPUT_NAME, MODEL_SPEC_FORMAT, MODEL_SPEC_VERSION } from '../../../../shared/model-spec';

/**
 * keras.applications' MobileNet batch norm (epsilon 1e-3) with Keras' default momentum 0.99 instead of their 0.999:
 * these models train from scratch on small data sets, where 0.999's moving statistics need about 3,000 steps to settle
 * (0.99: 299) and validation sits at chance until then (measured: 10 % after 4 CIFAR-10 epochs at batch 64).
 */
const MOBILENET_BN = { axis: 3, epsilon: 1e-3, momentum: 0.99 } as const;

type LayerBody<T extends LayerSpec['type']> = Omit<Extract<LayerSpec, { type: T }>, 'name' | 'inputs' | 'type'>;

/**
 * Builds a functional graph the way Keras code does: each call appends one named layer that reads the given tensors
 * (layer names) and returns the new layer's name.
 */
export class GraphBuilder {
  readonly layers: LayerSpec[] = [];
  readonly inputName = DEFAULT_INPUT_NAME;

  private add<T extends LayerSpec['type']>(type: T, name: string, inputs: string[], body: LayerBody<T>): string {
    if (this.layers.some((l) => l.name === name)) throw new Error(`duplicate layer name '${name}'`);
    this.layers.push({ type, name, inputs, ...body } as unknown as LayerSpec);
    return name;
  }

  pad(name: string, x: string, amount: number): string {
    return this.add('ZeroPadding2D', name, [x], {
      padding: [
        [amount, amount],
        [amount, amount],
      ],
    });
  }

  conv(
    name: string,
    x: string,
    filters: number,
    options: { kernel?: number; stride?: number; padding?: ConvPadding; useBias?: boolean; activation?: Activation } = {},
  ): string {
    const k = options.kernel ?? 1;
    const s = options.stride ?? 1;
    return this.add('Conv2D', name, [x], {
      filters,
      kernelSize: [k, k] as Pair,
      strides: [s, s] as Pair,
      padding: options.padding ?? 'valid',
      dilationRate: [1, 1],
      groups: 1,
      useBias: options.useBias ?? false,
      activation: options.activation ?? 'linear',
    });
  }

  depthwise(name: string, x: string, kernel: number, stride: number, padding: ConvPadding): string {
    return this.add('DepthwiseConv2D', name, [x], {
      kernelSize: [kernel, kernel],
      strides: [stride, stride],
      padding,
      dilationRate: [1, 1],
      depthMultiplier: 1,
      useBias: false,
      activation: 'linear',
    });
  }

  batchNorm(name: string, x: string): string {
    return this.add('BatchNormalization', name, [x], { ...MOBILENET_BN });
  }

  relu(name: string, x: string, maxValue: number | null = null): string {
    return this.add('ReLU', name, [x], { maxValue, negativeSlope: 0, threshold: 0 });
  }

  activation(name: string, x: string, activation: Activation): string {
    return this.add('Activation', name, [x], { activation });
  }

  sum(name: string, a: string, b: string): string {
    return this.add('Add', name, [a, b], {});
  }

  multiply(name: string, a: string, b: string): string {
    return this.add('Multiply', name, [a, b], {});
  }

  globalAveragePool(name: string, x: string, keepdims: boolean): string {
    return this.add('GlobalAveragePooling2D', name, [x], { keepdims });
  }

  dropout(name: string, x: string, rate: number): string {
    return this.add('Dropout', name, [x], { rate, seed: null });
  }

  flatten(name: string, x: string): string {
    return this.add('Flatten', name, [x], {});
  }

  dense(name: string, x: string, units: number): string {
    return this.add('Dense', name, [x], { units, useBias: true, activation: 'linear' });
  }

  /**
   * The stem XNNPACK's sparse inference needs (TFMOT's start layer): ZeroPadding2D(1) and a 3x3 stride-2 'valid'
   * convolution on the 3 input channels, in place of keras.applications' 'same' stem.
   */
  xnnpackStem(prefix: string, x: string, filters: number): string {
    return this.conv(prefix, this.pad(`${prefix}_pad`, x, 1), filters, { kernel: 3, stride: 2 });
  }

  model(name: string, inputShape: [number, number, number], output: string): ModelSpec {
    return {
      format: MODEL_SPEC_FORMAT,
      version: MODEL_SPEC_VERSION,
      name,
      inputShape,
      inputName: this.inputName,
      layers: this.layers,
      outputs: [output],
    };
  }
}

/** keras.applications' `_make_divisible`: round to a multiple of `divisor`, never more than 10 % below `value`. */
export function makeDivisible(value: number, divisor = 8): number {
  let rounded = Math.max(divisor, Math.floor((value + divisor / 2) / divisor) * divisor);
  if (rounded < 0.9 * value) rounded += divisor;
  return rounded;
}
