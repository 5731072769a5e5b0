import type { Table } from './flatbuffer-reader';

// Fields the inspector does not show but the runtime's FlatBuffers verifier follows: each is read here only so that
// its offsets and lengths are bounds-checked, so that a file the runtime refuses is refused here too (TFLITE_CORRUPT).

/** Tensor: variant_tensors (9), a vector of VariantSubType tables (shape, type, has_rank). */
export function checkTensorRuntimeFields(table: Table, what: string): void {
  for (const variant of table.tables(9, `${what} variant_tensors`)) variant.i32s(0, `${what} variant_tensors shape`);
}

/** Operator: custom_options (5), mutating_variable_inputs (7), intermediates (8), builtin_options_2 (11, 12). */
export function checkOperatorRuntimeFields(table: Table, what: string): void {
  table.u8s(5, `${what} custom_options`);
  table.u8s(7, `${what} mutating_variable_inputs`);
  table.i32s(8, `${what} intermediates`);
  if (table.u8(11)) table.table(12, `${what} builtin_options_2`);
}

/** QuantizationParameters: details (4, 5), a union whose only member is CustomQuantization (custom: [ubyte]). */
export function checkQuantizationRuntimeFields(table: Table, what: string): void {
  if (table.u8(4)) table.table(5, `${what} quantization details`)?.u8s(0, `${what} custom quantization`);
}

/** Model: metadata_buffer (5), a vector of buffer indices. */
export function checkModelRuntimeFields(table: Table): void {
  table.i32s(5, 'metadata_buffer');
}
