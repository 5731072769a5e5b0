import type { LayerSpec } from '../../../../shared/model-spec';
import type { ActivationShape } from '../../model/shapes';
import { activationBackward, activationForward, leakyReluBackward, leakyReluForward } from './activations';
import { defaultDropoutSeed, DropoutMasks, dropoutBackward, dropoutForward } from './dropout';
import { product, type FastLayer, type FastNode } from './layer-types';
import { broadcastPlan, mergeBackward, mergeForward } from './merge';
import { activeCollective } from './parallel/collective';
import { rescalingBackward, rescalingForward } from './rescaling';
import type { TensorMemory } from './tensor-memory';

// Engine layers for the graph-model ops: Activation, Keras ReLU with a slope or threshold, Dropout, Rescaling, and the
// multi-input Add / Multiply nodes.

export function activationLayer(spec: Extract<LayerSpec, { type: 'Activation' }>, input: ActivationShape): FastLayer {
  const size = product(input);
  const { activation } = spec;
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward: (x, y, n) => activationForward(activation, x, n * size, y),
    backward: (x, y, dy, dx, n) => dx && activationBackward(activation, { x, y, dy }, n * size, dx),
  };
}

export function leakyReluLayer(spec: Extract<LayerSpec, { type: 'ReLU' }>, size: number): FastLayer {
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward: (x, y, n) => leakyReluForward(spec, x, n * size, y),
    backward: (x, _y, dy, dx, n) => dx && leakyReluBackward(spec, x, dy, n * size, dx),
  };
}

/**
 * Inverted dropout in training; the identity at inference. During a data-parallel step the shard's rows and the step
 * come from the collective, so every thread count draws the same masks.
 */
export function dropoutLayer(
  spec: Extract<LayerSpec, { type: 'Dropout' }>,
  input: ActivationShape,
  memory: TensorMemory,
): FastLayer {
  const size = product(input);
  const masks = new DropoutMasks(spec.rate, spec.seed ?? defaultDropoutSeed(spec.name), memory);
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward(x, y, n, training) {
      if (!training || spec.rate === 0) y.set(x.subarray(0, n * size));
      else dropoutForward(x, masks.draw(n, size, activeCollective() ?? undefined), n * size, y);
    },
    backward(_x, _y, dy, dx, n) {
      if (!dx) return;
      if (spec.rate === 0) dx.set(dy.subarray(0, n * size));
      else dropoutBackward(dy, masks.mask, n * size, dx);
    },
    lastMask: () => masks.mask,
  };
}

export function rescalingLayer(spec: Extract<LayerSpec, { type: 'Rescaling' }>, input: ActivationShape): FastLayer {
  const size = product(input);
  return {
    name: spec.name,
    inSize: size,
    outSize: size,
    params: [],
    forward: (x, y, n) => rescalingForward(x, n * size, spec.scale, spec.offset, y),
    backward: (_x, _y, dy, dx, n) => dx && rescalingBackward(dy, n * size, spec.scale, dx),
  };
}

/** Add or Multiply of the node's inputs (broadcast per sample). */
export function mergeNode(spec: Extract<LayerSpec, { type: 'Add' | 'Multiply' }>, inputs: ActivationShape[]): FastNode {
  const op = spec.type === 'Add' ? 'add' : 'multiply';
  const plan = broadcastPlan(inputs);
  return {
    name: spec.name,
    output: spec.name,
    inputs: spec.inputs,
    outSize: plan.outSize,
    params: [],
    forward: (xs, y, n) => mergeForward(op, plan, xs, n, y),
    backward: (xs, _y, dy, dxs, n) => mergeBackward(op, plan, { xs, dy }, n, dxs),
  };
}
