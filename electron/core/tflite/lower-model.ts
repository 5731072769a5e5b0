import type { LayerSpec, ModelSpec } from '../../../shared/model-spec';
import { isChain } from '../model/graph';
import { graphShapes } from '../model/shapes';
import type { ModelWeights } from '../model/weights';
import { UserError } from '../util/errors';
import { batchNormAffine } from './batch-norm-affine';
import { fuseOps } from './fuse-ops';
import type { IrGraph } from './graph-ir';
import { compactGraph, IrBuilder } from './ir-builder';
import { lowerActivation } from './lower-activation';

const INPUT_SIGNATURE_NAME = 'input_1';

function unsupported(layer: LayerSpec, why: string): UserError {
  return new UserError(
    'TFLITE_UNSUPPORTED_LAYER',
    `Layer '${layer.name}' (${layer.type}) cannot be written to TFLite: ${why}`,
    'Change or remove this layer.',
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

function reluOp(layer: Extract<LayerSpec, { type: 'ReLU' }>): 'RELU' | 'RELU6' {
  if (layer.negativeSlope !== 0 || layer.threshold !== 0)
    throw unsupported(layer, 'ReLU with a negative slope or a threshold is not supported by the converter here');
  if (layer.maxValue === null) return 'RELU';
  if (layer.maxValue === 6) return 'RELU6';
  throw unsupported(layer, `ReLU with max_value ${layer.maxValue} has no TFLite equivalent (only none or 6)`);
}

class Lowering {
  readonly g = new IrBuilder();
  /** The tensor holding each layer's output (and the model input's), by name. */
  readonly values = new Map<string, number>();
  readonly shapes: Map<string, number[]>;

  constructor(
    readonly spec: ModelSpec,
    readonly weights: ModelWeights,
    readonly prefix: string,
  ) {
    this.shapes = graphShapes(spec);
  }

  weight(layer: string, name: string): Float32Array {
    return this.weights.get(`${layer}/${name}`).values;
  }

  biasOrZeros(layer: LayerSpec & { useBias: boolean }, size: number): Float32Array {
    return layer.useBias ? this.weight(layer.name, 'bias').slice() : new Float32Array(size);
  }

  /** Emits the ops of one layer; returns the tensor holding its output. */
  layer(layer: LayerSpec): number {
    const g = this.g;
    const base = `${this.prefix}/${layer.name}`;
    const inputs = layer.inputs.map((name) => this.values.get(name)!);
    const x = inputs[0]!;
    const inShape = this.shapes.get(layer.inputs[0]!)!;
    const outShape = this.shapes.get(layer.name)!;
    const out = (suffix: string): number => g.activation(`${base}/${suffix}`, outShape);
    switch (layer.type) {
      case 'ZeroPadding2D': {
        const [[t, b], [l, r]] = layer.padding;
        const pads = g.int32Constant(`${base}/Pad/paddings`, [4, 2], [0, 0, t, b, l, r, 0, 0]);
        return g.op('PAD', [x, pads], [out('Pad')], { kind: 'empty' });
      }
      case 'Conv2D': {
        if (layer.groups !== 1) throw unsupported(layer, `grouped convolution (groups=${layer.groups})`);
        const cin = inShape[2]!;
        const [kh, kw] = layer.kernelSize;
        const filter = g.floatConstant(
          `${base}/Conv2D`,
          [layer.filters, kh, kw, cin],
          hwioToOhwi(this.weight(layer.name, 'kernel'), [kh, kw, cin, layer.filters]),
        );
        const bias = g.floatConstant(`${base}/BiasAdd/ReadVariableOp`, [layer.filters], this.biasOrZeros(layer, layer.filters));
        const y = g.op('CONV_2D', [x, filter, bias], [out('BiasAdd')], {
          kind: 'conv',
          padding: layer.padding === 'same' ? 'SAME' : 'VALID',
          strideW: layer.strides[1],
          strideH: layer.strides[0],
          dilationW: layer.dilationRate[1],
          dilationH: layer.dilationRate[0],
          activation: 'NONE',
        });
        return lowerActivation(g, y, layer.activation, base, outShape);
      }
      case 'DepthwiseConv2D': {
        const channels = inShape[2]! * layer.depthMultiplier;
        // Keras [kh, kw, in, mult] and TFLite [1, kh, kw, in*mult] share one memory layout.
        const filter = g.floatConstant(
          `${base}/depthwise`,
          [1, layer.kernelSize[0], layer.kernelSize[1], channels],
          this.weight(layer.name, 'depthwise_kernel').slice(),
        );
        const bias = g.floatConstant(`${base}/BiasAdd/ReadVariableOp`, [channels], this.biasOrZeros(layer, channels));
        const y = g.op('DEPTHWISE_CONV_2D', [x, filter, bias], [out('BiasAdd')], {
          kind: 'depthwise',
          padding: layer.padding === 'same' ? 'SAME' : 'VALID',
          strideW: layer.strides[1],
          strideH: layer.strides[0],
          depthMultiplier: layer.depthMultiplier,
          dilationW: layer.dilationRate[1],
          dilationH: layer.dilationRate[0],
          activation: 'NONE',
        });
        return lowerActivation(g, y, layer.activation, base, outShape);
      }
      case 'Dense': {
        if (inShape.length !== 1) throw unsupported(layer, `its input is [${inShape}]; add a Flatten layer before it`);
        const inSize = inShape[0]!;
        const filter = g.floatConstant(
          `${base}/MatMul`,
          [layer.units, inSize],
          transpose2d(this.weight(layer.name, 'kernel'), [inSize, layer.units]),
        );
        const bias = g.floatConstant(`${base}/BiasAdd/ReadVariableOp`, [layer.units], this.biasOrZeros(layer, layer.units));
        const y = g.op('FULLY_CONNECTED', [x, filter, bias], [out('BiasAdd')], {
          kind: 'fullyConnected',
          activation: 'NONE',
        });
        return lowerActivation(g, y, layer.activation, base, outShape);
      }
      case 'BatchNormalization': {
        if (layer.axis !== 3 && layer.axis !== -1 && layer.axis !== inShape.length)
          throw unsupported(layer, `only channel-axis batch norm is supported (axis ${layer.axis})`);
        const { scale, offset } = batchNormAffine({
          gamma: this.weight(layer.name, 'gamma'),
          beta: this.weight(layer.name, 'beta'),
          mean: this.weight(layer.name, 'moving_mean'),
          variance: this.weight(layer.name, 'moving_variance'),
          epsilon: layer.epsilon,
        });
        const rank = inShape.length;
        const m = g.broadcastConstant(`${base}/FusedBatchNormV3/scale`, rank, scale);
        const scaled = g.op('MUL', [x, m], [out('FusedBatchNormV3/mul')], { kind: 'binary', activation: 'NONE' });
        const c = g.broadcastConstant(`${base}/FusedBatchNormV3/offset`, rank, offset);
        return g.op('ADD', [scaled, c], [out('FusedBatchNormV3')], { kind: 'binary', activation: 'NONE' });
      }
      case 'ReLU': {
        const op = reluOp(layer);
        return g.op(op, [x], [out(op === 'RELU' ? 'Relu' : 'Relu6')], { kind: 'none' });
      }
      case 'Activation':
        return lowerActivation(g, x, layer.activation, base, outShape);
      case 'GlobalAveragePooling2D': {
        const axis = g.int32Constant(`${base}/Mean/reduction_indices`, [2], [1, 2]);
        return g.op('MEAN', [x, axis], [out('Mean')], { kind: 'reducer', keepDims: layer.keepdims });
      }
      case 'Flatten':
      case 'Reshape': {
        // A reshape to the shape the tensor already has is an identity the converter removes.
        if (outShape.join(',') === inShape.join(',')) return x;
        const target = g.int32Constant(`${base}/Const`, [outShape.length + 1], [-1, ...outShape]);
        return g.op('RESHAPE', [x, target], [out('Reshape')], { kind: 'none' });
      }
      case 'Add':
      case 'Multiply': {
        // Keras merges more than two inputs pairwise, left to right.
        const op = layer.type === 'Add' ? 'ADD' : 'MUL';
        let acc = x;
        for (let k = 1; k < inputs.length; k++) {
          const suffix = `${layer.type === 'Add' ? 'add' : 'mul'}${k > 1 ? `_${k - 1}` : ''}`;
          acc = g.op(op, [acc, inputs[k]!], [out(suffix)], { kind: 'binary', activation: 'NONE' });
        }
        return acc;
      }
      case 'Dropout':
        return x;
      case 'Rescaling': {
        // TF folds x * 1 and x + 0 away (IdentityArithmeticOpFolder).
        let y = x;
        if (layer.scale !== 1) {
          const scale = g.broadcastConstant(`${base}/Cast/x`, inShape.length, Float32Array.of(layer.scale));
          y = g.op('MUL', [y, scale], [out('mul')], { kind: 'binary', activation: 'NONE' });
        }
        if (layer.offset !== 0) {
          const offset = g.broadcastConstant(`${base}/Cast_1/x`, inShape.length, Float32Array.of(layer.offset));
          y = g.op('ADD', [y, offset], [out('add')], { kind: 'binary', activation: 'NONE' });
        }
        return y;
      }
    }
  }
}

/**
 * Turns a model graph into the TFLite graph the official converter produces: every layer as its TFLite ops
 * (ZeroPadding2D -> PAD, GlobalAveragePooling2D -> MEAN, Flatten/Reshape -> RESHAPE, Add -> ADD, Multiply -> MUL,
 * batch norm -> MUL + ADD, activations as in lowerActivation, Dropout dropped), then the converter's fusions: batch
 * norm and constant MUL/ADD folded into the convolution before them, RELU/RELU6 fused into their producer.
 */
export function lowerModel(spec: ModelSpec, weights: ModelWeights): IrGraph {
  const lowering = new Lowering(spec, weights, isChain(spec) ? 'sequential' : spec.name);
  const g = lowering.g;
  const input = g.add({
    name: `serving_default_${INPUT_SIGNATURE_NAME}:0`,
    shape: [1, ...spec.inputShape],
    shapeSignature: [-1, ...spec.inputShape],
    type: 'float32',
  });
  lowering.values.set(spec.inputName, input);
  for (const layer of spec.layers) lowering.values.set(layer.name, lowering.layer(layer));
  const output = lowering.values.get(spec.outputs[0])!;
  if (output === input) throw new UserError('TFLITE_EMPTY_MODEL', `Model '${spec.name}' has no layer that computes anything`);
  const fused = fuseOps({
    tensors: g.tensors,
    ops: g.ops,
    inputs: [input],
    outputs: [output],
    signatureInputName: INPUT_SIGNATURE_NAME,
    signatureOutputName: spec.outputs[0],
  });
  const graph = compactGraph(fused);
  graph.tensors[graph.outputs[0]!]!.name = 'StatefulPartitionedCall:0';
  return graph;
}
