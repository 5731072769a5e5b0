import type { Activation } from '../../../shared/model-spec';
import { isObject, type Json } from './keras-json';

/** Keras (2 and 3) and TF.js activation names -> the spec's. */
const ACTIVATION_NAMES: Record<string, Activation> = {
  linear: 'linear',
  relu: 'relu',
  relu6: 'relu6',
  sigmoid: 'sigmoid',
  hard_sigmoid: 'hard_sigmoid',
  hardSigmoid: 'hard_sigmoid',
  hard_swish: 'hard_swish',
  hard_silu: 'hard_swish',
  swish: 'swish',
  silu: 'swish',
};

export type ImportedActivation = { kind: 'activation'; activation: Activation } | { kind: 'softmax' } | { kind: 'unsupported'; name: string };

/** The activation a config field names: a string, or Keras 3's serialized {class_name: 'function', config: 'relu'}. */
export function readActivation(value: Json | undefined): ImportedActivation {
  let name: string;
  if (value === undefined || value === null) name = 'linear';
  else if (typeof value === 'string') name = value;
  else if (isObject(value) && typeof value.config === 'string') name = value.config;
  else if (isObject(value) && typeof value.class_name === 'string') name = value.class_name;
  else return { kind: 'unsupported', name: JSON.stringify(value) };
  if (name === 'softmax') return { kind: 'softmax' };
  const activation = ACTIVATION_NAMES[name];
  return activation ? { kind: 'activation', activation } : { kind: 'unsupported', name };
}

export const SUPPORTED_ACTIVATIONS_TEXT = 'linear, relu, relu6, sigmoid, hard_sigmoid, hard_swish, swish (softmax only as the last layer)';
