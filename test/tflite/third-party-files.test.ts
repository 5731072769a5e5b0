import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { formatInspection } from '../../electron/core/tflite/format-inspection';
import { sharedPath } from '../support/shared-dir';

const DIR = sharedPath('tflite-models');
const missing = existsSync(DIR) ? false : `${DIR} is not present on this machine`;

// Facts read off the files (tflite-micro test models): op set, input type and shape, quantized tensors.
const EXPECTED: {
  file: string;
  ops: string[];
  operators: number;
  input: [string, number[]];
  inputs: number;
  quantized: number;
}[] = [
  {
    file: 'hello_world_float.tflite',
    ops: ['FULLY_CONNECTED'],
    operators: 3,
    input: ['float32', [1, 1]],
    inputs: 1,
    quantized: 0,
  },
  { file: 'hello_world_int8.tflite', ops: ['FULLY_CONNECTED'], operators: 3, input: ['int8', [1, 1]], inputs: 1, quantized: 10 },
  {
    file: 'keyword_scrambled.tflite',
    ops: ['QUANTIZE', 'SVDF', 'FULLY_CONNECTED', 'SOFTMAX'],
    operators: 15,
    input: ['int16', [1, 96]],
    inputs: 1,
    quantized: 54,
  },
  {
    file: 'micro_speech_quantized.tflite',
    ops: ['RESHAPE', 'DEPTHWISE_CONV_2D', 'FULLY_CONNECTED', 'SOFTMAX'],
    operators: 4,
    input: ['int8', [1, 1960]],
    inputs: 1,
    quantized: 9,
  },
  {
    file: 'mobilenet_v2_quantized_1x3x224x224.tflite',
    ops: ['TRANSPOSE', 'PAD', 'CONV_2D', 'DEPTHWISE_CONV_2D', 'ADD', 'MEAN', 'RESHAPE', 'FULLY_CONNECTED'],
    operators: 84,
    input: ['int8', [1, 3, 224, 224]],
    inputs: 1,
    quantized: 191,
  },
  {
    file: 'person_detect.tflite',
    ops: ['DEPTHWISE_CONV_2D', 'CONV_2D', 'AVERAGE_POOL_2D', 'RESHAPE', 'SOFTMAX'],
    operators: 31,
    input: ['int8', [1, 96, 96, 1]],
    inputs: 1,
    quantized: 88,
  },
  { file: 'simple_add_model.tflite', ops: ['ADD'], operators: 1, input: ['int8', [1, 128, 128, 1]], inputs: 2, quantized: 3 },
  {
    file: 'trained_lstm.tflite',
    ops: ['UNIDIRECTIONAL_SEQUENCE_LSTM', 'RESHAPE', 'FULLY_CONNECTED', 'SOFTMAX'],
    operators: 4,
    input: ['float32', [1, 28, 28]],
    inputs: 1,
    quantized: 0,
  },
];

for (const e of EXPECTED) {
  test(`third-party file ${e.file} inspects without error`, { skip: missing }, () => {
    const ins = inspectTfliteBytes(new Uint8Array(readFileSync(join(DIR, e.file))), e.file);
    const sg = ins.subgraphs[0]!;
    assert.deepEqual([...new Set(sg.operators.map((o) => o.op))], e.ops);
    assert.equal(sg.operators.length, e.operators);
    const input = sg.tensors[sg.inputs[0]!]!;
    assert.deepEqual([input.type, input.shape], e.input);
    assert.equal(sg.inputs.length, e.inputs);
    assert.equal(sg.tensors.filter((t) => t.quantization).length, e.quantized);
    assert.equal(ins.sparseInference.eligible, false);
    assert.ok(ins.sparseInference.rules.every((r) => r.reason.length > 0));
    assert.ok(formatInspection(ins).includes('XNNPACK sparse inference: NOT ELIGIBLE'));
    for (const t of sg.tensors) if (t.zeroFraction !== undefined) assert.ok(t.zeroFraction >= 0 && t.zeroFraction <= 1);
    assert.equal(ins.sizeByTensor.reduce((s, t) => s + t.bytes, 0) <= ins.fileBytes, true);
  });
}

test('third-party quantized files: the verdict blames quantization first', { skip: missing }, () => {
  const ins = inspectTfliteBytes(
    new Uint8Array(readFileSync(join(DIR, 'mobilenet_v2_quantized_1x3x224x224.tflite'))),
    'mobilenet',
  );
  assert.match(ins.sparseInference.rules[0]!.reason, /quantized/);
  const conv = ins.subgraphs[0]!.operators.find((o) => o.op === 'CONV_2D')!;
  assert.equal(typeof conv.options.stride_w, 'number');
  assert.equal(ins.description, 'TinyNeuralNetwork Converted.');
  assert.equal(ins.operatorCodes.length, 84, 'this exporter writes one operator code per operator');
});
