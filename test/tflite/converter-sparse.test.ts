import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { readConversionMetadata } from '../../electron/core/tflite/conversion-metadata';
import { readTflite } from '../../electron/core/tflite/read-model';
import { denseFloats, storedFloats } from '../../electron/core/tflite/tensor-values';
import { pruneSmallest, testModel } from './test-model';

const { spec, weights } = testModel(5);
const dense = convertToTflite(spec, weights, { sparse: false });
const sparse = convertToTflite(spec, weights, { sparse: true });
const dm = readTflite(dense.bytes, 'dense.tflite');
const sm = readTflite(sparse.bytes, 'sparse.tflite');
const sg = sm.subgraphs[0]!;

test('sparse: DENSIFY right before each 1x1 convolution, nothing else changed', () => {
  assert.deepEqual(
    sg.operators.map((o) => o.opName),
    [
      'PAD',
      'CONV_2D',
      'DEPTHWISE_CONV_2D',
      'DENSIFY',
      'CONV_2D',
      'PAD',
      'DEPTHWISE_CONV_2D',
      'DENSIFY',
      'CONV_2D',
      'MEAN',
      'RESHAPE',
      'FULLY_CONNECTED',
    ],
  );
  assert.deepEqual(
    sm.operatorCodes.map((c) => [c.name, c.builtinCode, c.version]),
    [
      ['PAD', 34, 1],
      ['CONV_2D', 3, 1],
      ['DEPTHWISE_CONV_2D', 4, 1],
      ['DENSIFY', 124, 1],
      ['MEAN', 40, 1],
      ['RESHAPE', 22, 1],
      ['FULLY_CONNECTED', 9, 1],
    ],
  );
  for (const at of [3, 7]) {
    const densify = sg.operators[at]!;
    const conv = sg.operators[at + 1]!;
    assert.equal(densify.optionsType, 'NONE');
    assert.equal(conv.inputs[1], densify.outputs[0], 'the conv reads its filter from DENSIFY');
    const out = sg.tensors[densify.outputs[0]!]!;
    const input = sg.tensors[densify.inputs[0]!]!;
    assert.deepEqual(out.shape, input.shape, 'DENSIFY output has the dense shape');
    assert.equal(out.sparsity, undefined);
    assert.equal(sm.buffers[out.buffer]!.data.length, 0);
    assert.equal(out.type, 'float32');
  }
  const denseOps = dm.subgraphs[0]!.operators;
  const sparseCompute = sg.operators.filter((o) => o.opName !== 'DENSIFY');
  assert.deepEqual(
    sparseCompute.map((o) => o.options),
    denseOps.map((o) => o.options),
  );
});

test('sparse: CSR on the last dimension, traversal 0..3, uint8 index vectors, only non-zeros stored', () => {
  const encoded = sg.operators.filter((o) => o.opName === 'DENSIFY').map((o) => sg.tensors[o.inputs[0]!]!);
  assert.deepEqual(
    encoded.map((t) => t.shape),
    [
      [16, 1, 1, 8],
      [32, 1, 1, 16],
    ],
  );
  for (const t of encoded) {
    const sp = t.sparsity!;
    assert.deepEqual(sp.traversalOrder, [0, 1, 2, 3]);
    assert.deepEqual(sp.blockMap, []);
    assert.deepEqual(
      sp.dimMetadata.map((d) => d.format),
      ['DENSE', 'DENSE', 'DENSE', 'SPARSE_CSR'],
    );
    assert.deepEqual(
      sp.dimMetadata.slice(0, 3).map((d) => [d.denseSize, d.segmentsType, d.indicesType]),
      [
        [t.shape[0], 'none', 'none'],
        [1, 'none', 'none'],
        [1, 'none', 'none'],
      ],
    );
    const csr = sp.dimMetadata[3]!;
    assert.equal(csr.segmentsType, 'uint8');
    assert.equal(csr.indicesType, 'uint8');
    const elements = t.shape.reduce((a, b) => a * b, 1);
    const nnz = elements / 4;
    assert.equal(csr.segments.length, t.shape[0]! + 1);
    assert.equal(csr.segments[0], 0);
    assert.equal(csr.segments[csr.segments.length - 1], nnz);
    assert.equal(csr.indices.length, nnz);
    assert.equal(sm.buffers[t.buffer]!.data.length, nnz * 4);
    assert.ok(storedFloats(sm.buffers[t.buffer], t)!.every((v) => v !== 0));
  }
});

test('sparse: decoding the CSR data gives back the dense file’s folded weights exactly', () => {
  const denseSg = dm.subgraphs[0]!;
  const denseConvs = denseSg.operators.filter((o) => o.opName === 'CONV_2D');
  const sparseConvs = sg.operators.filter((o) => o.opName === 'CONV_2D');
  for (let k = 0; k < denseConvs.length; k++) {
    const expected = denseFloats(dm, denseSg.tensors[denseConvs[k]!.inputs[1]!]!)!;
    let filter = sparseConvs[k]!.inputs[1]!;
    const producer = sg.operators.find((o) => o.outputs[0] === filter);
    if (producer?.opName === 'DENSIFY') filter = producer.inputs[0]!;
    const decoded = denseFloats(sm, sg.tensors[filter]!)!;
    assert.deepEqual(Array.from(decoded), Array.from(expected), `conv ${k}`);
    const denseBias = denseFloats(dm, denseSg.tensors[denseConvs[k]!.inputs[2]!]!)!;
    assert.deepEqual(Array.from(denseFloats(sm, sg.tensors[sparseConvs[k]!.inputs[2]!]!)!), Array.from(denseBias));
  }
});

test('sparse: tensors interleaved in op order, metadata 2.2.0 + RANDOM_SPARSITY, smaller file, report', () => {
  const densify = sg.operators[3]!;
  assert.equal(densify.outputs[0], densify.inputs[0]! + 1, 'the sparse constant is followed by its DENSIFY output');
  assert.equal(new TextDecoder().decode(sm.buffers[sm.metadata[0]!.buffer]!.data).replace(/\0+$/, ''), '2.2.0');
  assert.deepEqual(readConversionMetadata(sm.buffers[sm.metadata[1]!.buffer]!.data, 'x').optimizationModes, [3001]);
  for (const b of sm.buffers) if (b.data.length > 0) assert.equal(b.fileOffset % 16, 0);
  assert.ok(sparse.bytes.length < dense.bytes.length, `${sparse.bytes.length} < ${dense.bytes.length}`);
  const report = sparse.sparsity!;
  assert.deepEqual(
    report.encoded.map((e) => [e.shape, e.nonZeros, e.denseBytes]),
    [
      [[16, 1, 1, 8], 32, 512],
      [[32, 1, 1, 16], 128, 2048],
    ],
  );
  // values + uint8 segments + uint8 indices
  assert.deepEqual(
    report.encoded.map((e) => e.sparseBytes),
    [32 * 4 + 17 + 32, 128 * 4 + 33 + 128],
  );
  assert.equal(report.bytesSaved, 512 + 2048 - (177 + 673));
});

test('sparse: the 30 % threshold applies to every conv / depthwise / dense weight', () => {
  const model = testModel(9, 0.25);
  pruneSmallest(model.weights.get('conv2d/kernel').values, 0.5);
  pruneSmallest(model.weights.get('depthwise_conv2d_1/depthwise_kernel').values, 0.35);
  const result = convertToTflite(model.spec, model.weights, { sparse: true });
  assert.deepEqual(
    result.sparsity!.encoded.map((e) => e.tensor),
    ['sequential/conv2d/Conv2D', 'sequential/depthwise_conv2d_1/depthwise'],
    '1x1 kernels at 25 % stay dense; the stem at 50 % and a depthwise kernel at 35 % are encoded',
  );
  const m = readTflite(result.bytes, 'x.tflite');
  const list = m.subgraphs[0]!.operators.map((o) => o.opName);
  assert.deepEqual(list.slice(0, 3), ['PAD', 'DENSIFY', 'CONV_2D']);
  assert.equal(list.filter((n) => n === 'DENSIFY').length, 2);
});
