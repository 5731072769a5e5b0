// tf.keras 2 records TensorFlow ops applied to Keras tensors as TFOpLambda layers (keras.applications' MobileNetV3
// builds hard_sigmoid as `ReLU(6.)(x + 3.) * (1. / 6.)`: a `__operators__.add` and a `math.multiply`). The common ones
// map to spec layers computing exactly the same; any other op is reported by layer name and op.
import type { LayerSpec } from '../../../shared/model-spec';
import type { JsonObject } from './keras-json';

export type TfOpResult = { layer: LayerSpec } | { problem: string; todo: string };

const ADD_OPS = new Set(['__operators__.add', 'math.add']);
const MULTIPLY_OPS = new Set(['math.multiply', '__operators__.mul']);
const UNARY_OPS: Record<string, (base: { name: string; inputs: string[] }) => LayerSpec> = {
  'nn.relu': (base) => ({ ...base, type: 'ReLU', maxValue: null, negativeSlope: 0, threshold: 0 }),
  'nn.relu6': (base) => ({ ...base, type: 'ReLU', maxValue: 6, negativeSlope: 0, threshold: 0 }),
  'math.sigmoid': (base) => ({ ...base, type: 'Activation', activation: 'sigmoid' }),
  'nn.sigmoid': (base) => ({ ...base, type: 'Activation', activation: 'sigmoid' }),
};

export const SUPPORTED_TF_OPS_TEXT =
  'tf.__operators__.add / tf.math.add and tf.math.multiply (a scalar constant or two tensors), tf.nn.relu, tf.nn.relu6, tf.math.sigmoid';

/** The spec layer for one TFOpLambda call: `fn` is its config's `function`, `kwargs` the call's keyword arguments. */
export function mapTfOp(fn: string, name: string, inputs: string[], kwargs: JsonObject): TfOpResult {
  const base = { name, inputs };
  const extra = Object.keys(kwargs).filter((k) => k !== 'y' && k !== 'name' && kwargs[k] !== null);
  const unsupported = (problem: string): TfOpResult => ({
    problem,
    todo: `Supported TensorFlow ops: ${SUPPORTED_TF_OPS_TEXT}; otherwise rewrite it with built-in Keras layers (ReLU(max_value=6), Rescaling, Multiply, Add)`,
  });
  if (extra.length > 0) return unsupported(`TensorFlow op 'tf.${fn}' with arguments ${extra.join(', ')}`);
  const binary = ADD_OPS.has(fn) ? 'add' : MULTIPLY_OPS.has(fn) ? 'multiply' : undefined;
  if (binary) {
    const y = kwargs.y;
    if (inputs.length === 2) return { layer: { ...base, type: binary === 'add' ? 'Add' : 'Multiply' } };
    if (inputs.length === 1 && typeof y === 'number') {
      // x * 1 + y and x * y + 0 are x + y and x * y exactly (float32 constants, as TF casts them).
      const [scale, offset] = binary === 'add' ? [1, y] : [y, 0];
      return { layer: { ...base, type: 'Rescaling', scale, offset, tfOp: binary } };
    }
    return unsupported(`TensorFlow op 'tf.${fn}' with operand y = ${JSON.stringify(y ?? null)} (not a number or one tensor)`);
  }
  const unary = UNARY_OPS[fn];
  if (unary && inputs.length === 1 && kwargs.y === undefined) return { layer: unary(base) };
  return unsupported(`TensorFlow op 'tf.${fn}' is not supported`);
}
