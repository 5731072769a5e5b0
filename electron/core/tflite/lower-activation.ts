import type { Activation } from '../../../shared/model-spec';
import type { IrBuilder } from './ir-builder';

/**
 * Emits the TFLite ops the converter produces for a Keras activation applied to `x` (shape without batch), before
 * fusion: relu -> RELU, relu6 -> RELU6 (both fused into the producer later when they can be), sigmoid -> LOGISTIC,
 * hard_swish -> HARD_SWISH (the converter's FuseHardSwishPattern), swish -> LOGISTIC + MUL (x * sigmoid(x)),
 * hard_sigmoid -> ADD 3 + RELU6 + MUL 1/6 (Keras 3's relu6(x + 3) / 6). Returns the result tensor.
 */
export function lowerActivation(g: IrBuilder, x: number, activation: Activation, base: string, shape: number[]): number {
  const unary = (op: 'RELU' | 'RELU6' | 'LOGISTIC' | 'HARD_SWISH', suffix: string, input = x): number =>
    g.op(op, [input], [g.activation(`${base}/${suffix}`, shape)], { kind: 'none' });
  switch (activation) {
    case 'linear':
      return x;
    case 'relu':
      return unary('RELU', 'Relu');
    case 'relu6':
      return unary('RELU6', 'Relu6');
    case 'sigmoid':
      return unary('LOGISTIC', 'Sigmoid');
    case 'hard_swish':
      return unary('HARD_SWISH', 'HardSwish');
    case 'swish': {
      const sigmoid = unary('LOGISTIC', 'Sigmoid');
      return g.op('MUL', [x, sigmoid], [g.activation(`${base}/mul`, shape)], { kind: 'binary', activation: 'NONE' });
    }
    case 'hard_sigmoid': {
      const three = g.broadcastConstant(`${base}/add/y`, shape.length, Float32Array.of(3));
      const added = g.op('ADD', [x, three], [g.activation(`${base}/add`, shape)], { kind: 'binary', activation: 'NONE' });
      const clipped = unary('RELU6', 'Relu6', added);
      const sixth = g.broadcastConstant(`${base}/truediv/y`, shape.length, Float32Array.of(1 / 6));
      return g.op('MUL', [clipped, sixth], [g.activation(`${base}/truediv`, shape)], { kind: 'binary', activation: 'NONE' });
    }
  }
}
