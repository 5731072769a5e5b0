import type { TfliteModel, TfliteOperator, TfliteTensor } from '../tflite/model-types';
import { BUILTIN_OPERATOR_NAMES } from '../tflite/schema-names';
import { FC_BLOCK } from '../tflite/block-sparse-format';
import { UserError } from '../util/errors';

/** A weight the what-if prunes: a 1x1 CONV_2D filter (CSR + DENSIFY) or, with FC, a FULLY_CONNECTED weight (1x4 blocks). */
export interface PruneTarget {
  subgraph: number;
  tensor: number;
  name: string;
  op: 'CONV_2D' | 'FULLY_CONNECTED';
  shape: number[];
  /** float16 weights are read through DEQUANTIZE (the converter's float16 models). */
  type: 'float32' | 'float16';
}

export interface TargetSearch {
  targets: PruneTarget[];
  /** Candidate weights left alone, with the reason. */
  skipped: { subgraph: number; tensor: string; op: string; reason: string }[];
}

const QUANTIZED_TYPES = new Set(['int8', 'uint8', 'int16', 'int4']);

/** Refuses int8/uint8 (fully or dynamic-range) quantized models: XNNPACK's sparse inference is float only. */
export function refuseQuantized(model: TfliteModel, file: string): void {
  for (const [s, sg] of model.subgraphs.entries()) {
    const quantized = sg.tensors.find((t) => QUANTIZED_TYPES.has(t.type) && t.quantization && t.quantization.scale.length > 0);
    if (quantized) {
      throw new UserError(
        'TFLITE_QUANTIZED',
        `${file} is a quantized model (subgraph ${s} tensor ${quantized.index}${quantized.name ? ` '${quantized.name}'` : ''} is ${quantized.type} with a scale): XNNPACK's sparse inference runs float32 and float16 models only, so a pruned copy could not show its speed-up`,
        'Use the float version of the model (export it without quantization), then run the what-if on that file.',
      );
    }
  }
}

function constant(model: TfliteModel, tensor: TfliteTensor | undefined): boolean {
  return Boolean(tensor && !tensor.isVariable && (model.buffers[tensor.buffer]?.data.length ?? 0) > 0);
}

/** The float constant a weight input comes from: itself (float32) or the float16 input of a DEQUANTIZE. */
function weightSource(
  model: TfliteModel,
  s: number,
  input: number | undefined,
  producers: Map<number, TfliteOperator>,
): { tensor: TfliteTensor; type: 'float32' | 'float16' } | { reason: string } {
  const sg = model.subgraphs[s]!;
  const direct = input === undefined || input < 0 ? undefined : sg.tensors[input];
  if (!direct) return { reason: 'no weight input' };
  if (constant(model, direct)) {
    if (direct.sparsity) return { reason: 'already stored sparse' };
    if (direct.type !== 'float32') return { reason: `weights are ${direct.type}` };
    return { tensor: direct, type: 'float32' };
  }
  const producer = producers.get(direct.index);
  const source = producer?.opName === 'DEQUANTIZE' ? sg.tensors[producer.inputs[0]!] : undefined;
  if (source && constant(model, source) && source.type === 'float16' && !source.sparsity)
    return { tensor: source, type: 'float16' };
  return { reason: 'weights are computed at run time, not a constant' };
}

/** The weights a what-if prunes, in file order (each tensor once, even when several operators read it). */
export function findPruneTargets(model: TfliteModel, includeFc: boolean): TargetSearch {
  const search: TargetSearch = { targets: [], skipped: [] };
  const seen = new Set<string>();
  model.subgraphs.forEach((sg, s) => {
    const producers = new Map<number, TfliteOperator>();
    for (const op of sg.operators) for (const o of op.outputs) producers.set(o, op);
    for (const op of sg.operators) {
      const isConv = op.opName === 'CONV_2D';
      if (!isConv && !(includeFc && op.opName === 'FULLY_CONNECTED')) continue;
      const filter = sg.tensors[op.inputs[1] ?? -1];
      if (isConv && !(filter?.shape.length === 4 && filter.shape[1] === 1 && filter.shape[2] === 1)) continue;
      const found = weightSource(model, s, op.inputs[1], producers);
      const label = filter?.name ?? `operator ${op.index}`;
      if ('reason' in found) {
        search.skipped.push({ subgraph: s, tensor: label, op: op.opName, reason: found.reason });
        continue;
      }
      const { tensor, type } = found;
      if (!isConv && (tensor.shape.length !== 2 || tensor.shape[1]! % FC_BLOCK !== 0 || type !== 'float32')) {
        search.skipped.push({
          subgraph: s,
          tensor: tensor.name,
          op: op.opName,
          reason:
            type !== 'float32'
              ? 'float16 FULLY_CONNECTED weights are not encoded in blocks'
              : `input size ${tensor.shape[1]} is not a multiple of ${FC_BLOCK} (the converter's 1x4 blocks)`,
        });
        continue;
      }
      const key = `${s}/${tensor.index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      search.targets.push({
        subgraph: s,
        tensor: tensor.index,
        name: tensor.name,
        op: isConv ? 'CONV_2D' : 'FULLY_CONNECTED',
        shape: [...tensor.shape],
        type,
      });
    }
  });
  return search;
}

function knownOperator(model: TfliteModel, op: TfliteOperator): boolean {
  return !model.operatorCodes[op.opcodeIndex]?.customCode && BUILTIN_OPERATOR_NAMES[op.builtinCode] !== undefined;
}

/**
 * Operators the rewriter does not know stay byte for byte, unless one of them reads a weight the what-if rewrites: it
 * would then read DENSIFY's output instead of a constant, which such an operator may not accept (TFLite kernels may
 * require constant weights), so the file is refused with the operator's name.
 */
export function refuseUnknownReaders(model: TfliteModel, file: string, targets: readonly PruneTarget[]): void {
  for (const target of targets) {
    const sg = model.subgraphs[target.subgraph]!;
    const reader = sg.operators.find((op) => op.inputs.includes(target.tensor) && !knownOperator(model, op));
    if (reader) {
      const code = model.operatorCodes[reader.opcodeIndex];
      const name = code?.customCode ? `custom operator '${code.customCode}'` : `operator ${reader.opName}`;
      throw new UserError(
        'WHATIF_UNKNOWN_OPERATOR',
        `${file}: ${name} (subgraph ${target.subgraph}, operator ${reader.index}) reads the weight '${target.name}' that the what-if would store sparse; Sparse Studio does not know that operator, so it cannot tell whether it accepts weights read through DENSIFY`,
        'Run the what-if on a file where that operator does not share the 1x1 weights (export without it), or leave the file as it is.',
      );
    }
  }
}
