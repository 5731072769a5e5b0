import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { firstNonChainLayer } from '../model/graph';
import { activationShapes } from '../model/shapes';
import type { ModelWeights } from '../model/weights';
import { UserError } from '../util/errors';
import { foldBatchNorm } from './fold-batch-norm';
import type { IrActivation, IrGraph, IrOp, IrOptions, IrTensor } from './graph-ir';

const INPUT_SIGNATURE_NAME = 'input_1';

function unsupported(layer: LayerSpec, why: string): UserError {
  return new UserError(
    'TFLITE_UNSUPPORTED_LAYER',
    `Layer '${layer.name}' (${layer.type}) cannot be written to TFLite: ${why}`,
    'Change the model so that this layer follows a convolution it can be folded into, or remove it.',
  );
}

/** Keras HWIO [kh, kw, in, out] -> TFLite OHWI [out, kh, kw, in]. */
function hwioToOhwi(kernel: Float32Array, [kh, kw, cin, cout]: number[]): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let y = 0; y < kh!; y++)
    for (let x = 0; x < kw!; x++)
      for (let i = 0; i < cin!; i++)
        for (let o = 0; o < cout!; o++)
          out[((o * kh! + y) * kw! + x) * cin! + i] = kernel[((y * kw! + x) * cin! + i) * cout! + o]!;
  return out;
}

/** Keras Dense [in, out] -> TFLite FULLY_CONNECTED [out, in]. */
function transpose2d(kernel: Float32Array, [rows, cols]: number[]): Float32Array {
  const out = new Float32Array(kernel.length);
  for (let r = 0; r < rows!; r++) for (let c = 0; c < cols!; c++) out[c * rows! + r] = kernel[r * cols! + c]!;
  return out;
}

class GraphBuilder {
  readonly tensors: IrTensor[] = [];
  readonly ops: IrOp[] = [];
  readonly #constants = new Map<string, number>();

  add(tensor: IrTensor): number {
    this.tensors.push(tensor);
    return this.tensors.length - 1;
  }

  activation(name: string, shape: number[]): number {
    return this.add({ name, shape: [1, ...shape], shapeSignature: [-1, ...shape], type: 'float32' });
  }

  /** int32 constants with equal values are shared, as the converter's CSE does for the PAD paddings. */
  int32Constant(name: string, shape: number[], values: number[]): number {
    const key = `${shape.join('x')}:${values.join(',')}`;
    const existing = this.#constants.get(key);
    if (existing !== undefined) return existing;
    const index = this.add({ name, shape, type: 'int32', data: Int32Array.from(values) });
    this.#constants.set(key, index);
    return index;
  }

  floatConstant(name: string, shape: number[], data: Float32Array): number {
    return this.add({ name, shape, type: 'float32', data });
  }

  op(op: IrOp['op'], inputs: number[], outputs: number[], options: IrOptions): void {
    this.ops.push({ op, inputs, outputs, options });
  }
}

interface Fused {
  /** Layers consumed, including the first. */
  count: number;
  bn: Extract<LayerSpec, { type: 'BatchNormalization' }> | undefined;
  activation: IrActivation;
}

function reluKind(layer: Extract<LayerSpec, { type: 'ReLU' }>): IrActivation {
  if (layer.maxValue === null) return 'RELU';
  if (layer.maxValue === 6) return 'RELU6';
  throw unsupported(layer, `ReLU with max_value ${layer.maxValue} has no TFLite equivalent (only none or 6)`);
}

/** The batch norm and ReLU that follow a conv/dense layer and fold into it. */
function fusedFollowers(layers: LayerSpec[], i: number, allowBn: boolean): Fused {
  const layer = layers[i] as Extract<LayerSpec, { activation: string }>;
  let count = 1;
  let activation: IrActivation = layer.activation === 'relu' ? 'RELU' : 'NONE';
  let bn: Fused['bn'];
  const next = layers[i + 1];
  if (next?.type === 'BatchNormalization' && allowBn) {
    if (activation !== 'NONE') throw unsupported(next, `it follows '${layer.name}', whose ReLU activation prevents folding`);
    if (next.axis !== 3 && next.axis !== -1) throw unsupported(next, `only channel-axis batch norm folds (axis ${next.axis})`);
    bn = next;
    count++;
  }
  const after = layers[i + count];
  if (after?.type === 'ReLU' && activation === 'NONE') {
    activation = reluKind(after);
    count++;
  }
  return { count, bn, activation };
}

function weight(weights: ModelWeights, layer: string, name: string): Float32Array {
  return weights.get(`${layer}/${name}`).values;
}

function biasOrZeros(weights: ModelWeights, layer: LayerSpec & { useBias: boolean }, size: number): Float32Array {
  return layer.useBias ? weight(weights, layer.name, 'bias').slice() : new Float32Array(size);
}

function applyBn(
  weights: ModelWeights,
  fused: Fused,
  filter: Float32Array,
  bias: Float32Array,
  outChannelOf: (i: number) => number,
): { filter: Float32Array; bias: Float32Array } {
  if (!fused.bn) return { filter, bias };
  const n = fused.bn.name;
  return foldBatchNorm(
    filter,
    bias,
    {
      gamma: weight(weights, n, 'gamma'),
      beta: weight(weights, n, 'beta'),
      mean: weight(weights, n, 'moving_mean'),
      variance: weight(weights, n, 'moving_variance'),
      epsilon: fused.bn.epsilon,
    },
    outChannelOf,
  );
}

/**
 * Turns a Keras-style sequential model into the TFLite graph the official converter produces:
 * batch norm folded, ReLU fused, ZeroPadding2D -> PAD, GlobalAveragePooling2D -> MEAN, Flatten -> RESHAPE.
 */
export function lowerModel(spec: ModelSpec, weights: ModelWeights): IrGraph {
  const branching = firstNonChainLayer(spec);
  if (branching)
    throw new UserError(
      'TFLITE_UNSUPPORTED_LAYER',
      `Layer '${branching.name}' (${branching.type}) reads ${branching.inputs.map((n) => `'${n}'`).join(', ')}: the converter writes only chains of layers yet`,
    );
  const g = new GraphBuilder();
  const shapes = activationShapes(spec);
  const prefix = 'sequential';
  const input = g.add({
    name: `serving_default_${INPUT_SIGNATURE_NAME}:0`,
    shape: [1, ...spec.inputShape],
    shapeSignature: [-1, ...spec.inputShape],
    type: 'float32',
  });
  let current = input;
  const layers = spec.layers;
  let i = 0;
  while (i < layers.length) {
    const layer = layers[i]!;
    const inShape = shapes[i]!;
    let consumed = 1;
    switch (layer.type) {
      case 'ZeroPadding2D': {
        const [[t, b], [l, r]] = layer.padding;
        const pads = g.int32Constant(`${prefix}/${layer.name}/Pad/paddings`, [4, 2], [0, 0, t, b, l, r, 0, 0]);
        const out = g.activation(`${prefix}/${layer.name}/Pad`, shapes[i + 1]!);
        g.op('PAD', [current, pads], [out], { kind: 'empty' });
        current = out;
        break;
      }
      case 'Conv2D': {
        if (layer.groups !== 1) throw unsupported(layer, `grouped convolution (groups=${layer.groups})`);
        const fused = fusedFollowers(layers, i, true);
        consumed = fused.count;
        const kshape = [layer.kernelSize[0], layer.kernelSize[1], inShape[2]!, layer.filters];
        const filterShape = [layer.filters, layer.kernelSize[0], layer.kernelSize[1], inShape[2]!];
        const perOut = filterShape.slice(1).reduce((a, b) => a * b, 1);
        const folded = applyBn(
          weights,
          fused,
          hwioToOhwi(weight(weights, layer.name, 'kernel'), kshape),
          biasOrZeros(weights, layer, layer.filters),
          (k) => Math.floor(k / perOut),
        );
        const filter = g.floatConstant(`${prefix}/${layer.name}/Conv2D`, filterShape, folded.filter);
        const bias = g.floatConstant(`${prefix}/${layer.name}/BiasAdd/ReadVariableOp`, [layer.filters], folded.bias);
        const outName = layers
          .slice(i, i + consumed)
          .map((l) => `${prefix}/${l.name}`)
          .reverse()
          .join(';');
        const out = g.activation(outName, shapes[i + consumed]!);
        g.op('CONV_2D', [current, filter, bias], [out], {
          kind: 'conv',
          padding: layer.padding === 'same' ? 'SAME' : 'VALID',
          strideW: layer.strides[1],
          strideH: layer.strides[0],
          dilationW: layer.dilationRate[1],
          dilationH: layer.dilationRate[0],
          activation: fused.activation,
        });
        current = out;
        break;
      }
      case 'DepthwiseConv2D': {
        const fused = fusedFollowers(layers, i, true);
        consumed = fused.count;
        const channels = inShape[2]! * layer.depthMultiplier;
        // Keras [kh, kw, in, mult] and TFLite [1, kh, kw, in*mult] share one memory layout.
        const folded = applyBn(
          weights,
          fused,
          weight(weights, layer.name, 'depthwise_kernel').slice(),
          biasOrZeros(weights, layer, channels),
          (k) => k % channels,
        );
        const filter = g.floatConstant(
          `${prefix}/${layer.name}/depthwise`,
          [1, layer.kernelSize[0], layer.kernelSize[1], channels],
          folded.filter,
        );
        const bias = g.floatConstant(`${prefix}/${layer.name}/BiasAdd/ReadVariableOp`, [channels], folded.bias);
        const outName = layers
          .slice(i, i + consumed)
          .map((l) => `${prefix}/${l.name}`)
          .reverse()
          .join(';');
        const out = g.activation(outName, shapes[i + consumed]!);
        g.op('DEPTHWISE_CONV_2D', [current, filter, bias], [out], {
          kind: 'depthwise',
          padding: layer.padding === 'same' ? 'SAME' : 'VALID',
          strideW: layer.strides[1],
          strideH: layer.strides[0],
          depthMultiplier: layer.depthMultiplier,
          dilationW: layer.dilationRate[1],
          dilationH: layer.dilationRate[0],
          activation: fused.activation,
        });
        current = out;
        break;
      }
      case 'Dense': {
        if (inShape.length !== 1) throw unsupported(layer, `its input is [${inShape}]; add a Flatten layer before it`);
        const fused = fusedFollowers(layers, i, false);
        consumed = fused.count;
        const inSize = inShape[0]!;
        const filter = g.floatConstant(
          `${prefix}/${layer.name}/MatMul`,
          [layer.units, inSize],
          transpose2d(weight(weights, layer.name, 'kernel'), [inSize, layer.units]),
        );
        const bias = g.floatConstant(
          `${prefix}/${layer.name}/BiasAdd/ReadVariableOp`,
          [layer.units],
          biasOrZeros(weights, layer, layer.units),
        );
        const out = g.activation(`${prefix}/${layer.name}/BiasAdd`, shapes[i + consumed]!);
        g.op('FULLY_CONNECTED', [current, filter, bias], [out], { kind: 'fullyConnected', activation: fused.activation });
        current = out;
        break;
      }
      case 'BatchNormalization':
        throw unsupported(layer, 'a batch norm is only supported right after a Conv2D or DepthwiseConv2D (it is folded into it)');
      case 'ReLU': {
        const kind = reluKind(layer) === 'RELU6' ? 'RELU6' : 'RELU';
        const out = g.activation(`${prefix}/${layer.name}/Relu`, shapes[i + 1]!);
        g.op(kind, [current], [out], { kind: 'none' });
        current = out;
        break;
      }
      case 'GlobalAveragePooling2D': {
        const axis = g.int32Constant(`${prefix}/${layer.name}/Mean/reduction_indices`, [2], [1, 2]);
        const out = g.activation(`${prefix}/${layer.name}/Mean`, shapes[i + 1]!);
        g.op('MEAN', [current, axis], [out], { kind: 'reducer', keepDims: layer.keepdims });
        current = out;
        break;
      }
      case 'Flatten': {
        // Flattening a [batch, n] tensor is an identity the converter removes.
        if (inShape.length === 1) break;
        const size = inShape.reduce((a, b) => a * b, 1);
        const target = g.int32Constant(`${prefix}/${layer.name}/Const`, [2], [-1, size]);
        const out = g.activation(`${prefix}/${layer.name}/Reshape`, shapes[i + 1]!);
        g.op('RESHAPE', [current, target], [out], { kind: 'none' });
        current = out;
        break;
      }
    }
    i += consumed;
  }
  if (current === input) throw new UserError('TFLITE_EMPTY_MODEL', `Model '${spec.name}' has no layer that computes anything`);
  g.tensors[current]!.name = 'StatefulPartitionedCall:0';
  return {
    tensors: g.tensors,
    ops: g.ops,
    inputs: [input],
    outputs: [current],
    signatureInputName: INPUT_SIGNATURE_NAME,
    signatureOutputName: layers[layers.length - 1]!.name,
  };
}
