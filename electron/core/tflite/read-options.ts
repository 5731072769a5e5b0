import type { Table } from './flatbuffer-reader';
import type { OptionValue } from './model-types';
import { ACTIVATION_NAMES, PADDING_NAMES, TENSOR_TYPE_NAMES } from './schema-names';

type FieldKind = 'padding' | 'activation' | 'i32' | 'bool' | 'f32' | 'u8' | 'i32s' | 'tensorType';
type Field = [name: string, kind: FieldKind, fallback?: number];

// Field lists (in slot order) of the options tables the inspector decodes; other tables are named only.
const OPTION_FIELDS: Record<string, Field[]> = {
  Conv2DOptions: [
    ['padding', 'padding'],
    ['stride_w', 'i32'],
    ['stride_h', 'i32'],
    ['fused_activation_function', 'activation'],
    ['dilation_w_factor', 'i32', 1],
    ['dilation_h_factor', 'i32', 1],
  ],
  DepthwiseConv2DOptions: [
    ['padding', 'padding'],
    ['stride_w', 'i32'],
    ['stride_h', 'i32'],
    ['depth_multiplier', 'i32'],
    ['fused_activation_function', 'activation'],
    ['dilation_w_factor', 'i32', 1],
    ['dilation_h_factor', 'i32', 1],
  ],
  Pool2DOptions: [
    ['padding', 'padding'],
    ['stride_w', 'i32'],
    ['stride_h', 'i32'],
    ['filter_width', 'i32'],
    ['filter_height', 'i32'],
    ['fused_activation_function', 'activation'],
  ],
  FullyConnectedOptions: [
    ['fused_activation_function', 'activation'],
    ['weights_format', 'u8'],
    ['keep_num_dims', 'bool'],
    ['asymmetric_quantize_inputs', 'bool'],
  ],
  SoftmaxOptions: [['beta', 'f32']],
  ConcatenationOptions: [
    ['axis', 'i32'],
    ['fused_activation_function', 'activation'],
  ],
  AddOptions: [['fused_activation_function', 'activation']],
  MulOptions: [['fused_activation_function', 'activation']],
  SubOptions: [['fused_activation_function', 'activation']],
  DivOptions: [['fused_activation_function', 'activation']],
  ReshapeOptions: [['new_shape', 'i32s']],
  ReducerOptions: [['keep_dims', 'bool']],
  SqueezeOptions: [['squeeze_dims', 'i32s']],
  StridedSliceOptions: [
    ['begin_mask', 'i32'],
    ['end_mask', 'i32'],
    ['ellipsis_mask', 'i32'],
    ['new_axis_mask', 'i32'],
    ['shrink_axis_mask', 'i32'],
  ],
  UnidirectionalSequenceLSTMOptions: [
    ['fused_activation_function', 'activation'],
    ['cell_clip', 'f32'],
    ['proj_clip', 'f32'],
    ['time_major', 'bool'],
  ],
  SVDFOptions: [
    ['rank', 'i32'],
    ['fused_activation_function', 'activation'],
  ],
  DepthToSpaceOptions: [['block_size', 'i32']],
  SpaceToDepthOptions: [['block_size', 'i32']],
  GatherOptions: [['axis', 'i32']],
  LeakyReluOptions: [['alpha', 'f32']],
  CastOptions: [
    ['in_data_type', 'tensorType'],
    ['out_data_type', 'tensorType'],
  ],
  ArgMaxOptions: [['output_type', 'tensorType']],
};

function readField(table: Table, slot: number, [name, kind, fallback]: Field): OptionValue {
  switch (kind) {
    case 'padding':
      return PADDING_NAMES[table.i8(slot)] ?? `padding ${table.i8(slot)}`;
    case 'activation':
      return ACTIVATION_NAMES[table.i8(slot)] ?? `activation ${table.i8(slot)}`;
    case 'tensorType':
      return TENSOR_TYPE_NAMES[table.i8(slot)] ?? `type ${table.i8(slot)}`;
    case 'i32':
      return table.i32(slot, fallback ?? 0);
    case 'u8':
      return table.u8(slot, fallback ?? 0);
    case 'bool':
      return table.bool(slot);
    case 'f32':
      return table.f32(slot, fallback ?? 0);
    case 'i32s':
      return table.i32s(slot, name);
  }
}

/** Decodes a builtin options table into name -> value; tables the reader does not know yield {}. */
export function readOptions(typeName: string, table: Table | undefined): Record<string, OptionValue> {
  const fields = OPTION_FIELDS[typeName];
  if (!fields || !table) return {};
  const options: Record<string, OptionValue> = {};
  fields.forEach((field, slot) => {
    options[field[0]] = readField(table, slot, field);
  });
  return options;
}
