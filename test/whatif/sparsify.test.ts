import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { profileOnHost } from '../../electron/core/host/profile-run';
import { HostRuntime } from '../../electron/core/host/runtime';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { decodeBlockSparse1x4 } from '../../electron/core/tflite/block-sparse-format';
import type { TfliteModel } from '../../electron/core/tflite/model-types';
import { readTflite } from '../../electron/core/tflite/read-model';
import { rewriteWeights } from '../../electron/core/tflite/rewrite-weights';
import { decodeSparse } from '../../electron/core/tflite/sparse-format';
import { storedFloats } from '../../electron/core/tflite/tensor-values';
import { sparseInferenceVerdict } from '../../electron/core/tflite/xnnpack-verdict';
import { UserError } from '../../electron/core/util/errors';
import { sparsifyModel, WHATIF_METADATA_KEY, WHATIF_NOTICE } from '../../electron/core/whatif/sparsify-model';
import { sharedPath } from '../support/shared-dir';
import { pruneSmallest, randomImages, testModel } from '../tflite/test-model';
import { assertOnlyTargetsChanged, operatorRawParts } from './compare-structure';
import { T, floats, int8PointwiseModel, ints, pointwiseSubgraph, randomValues, writeTinyModel } from './tiny-models';

const guide = testModel(31, 0);
const guideDense = convertToTflite(guide.spec, guide.weights, { sparse: false }).bytes;

function weightValues(model: TfliteModel, s: number, t: number): Float32Array {
  const tensor = model.subgraphs[s]!.tensors[t]!;
  return storedFloats(model.buffers[tensor.buffer], tensor)!;
}

function decoded(model: TfliteModel, s: number, t: number): Float32Array {
  const tensor = model.subgraphs[s]!.tensors[t]!;
  const stored = storedFloats(model.buffers[tensor.buffer], tensor)!;
  return tensor.sparsity!.blockMap.length
    ? decodeBlockSparse1x4(tensor.sparsity!, tensor.shape, stored)
    : decodeSparse(tensor.sparsity!, tensor.shape, stored);
}

/** Reference pruning written independently of the rewriter: element-wise smallest |w|, or 1x4 blocks by mean |w|. */
function referencePruned(values: Float32Array, sparsity: number, blocks: boolean): Float32Array {
  const out = Float32Array.from(values);
  if (!blocks) {
    pruneSmallest(out, sparsity);
    return out;
  }
  const means = Float32Array.from({ length: values.length / 4 }, (_, b) =>
    values.slice(b * 4, b * 4 + 4).reduce((a, v) => a + Math.abs(v), 0),
  );
  const order = Array.from(means.keys()).sort((a, b) => means[a]! - means[b]!);
  for (const b of order.slice(0, Math.round(means.length * sparsity))) out.fill(0, b * 4, b * 4 + 4);
  return out;
}

/** The same file with the pruned weights stored dense (no sparsity, no DENSIFY). */
function densePruned(bytes: Uint8Array, sparsity: number, fc: Set<string>, targets: [number, number][]): Uint8Array {
  const model = readTflite(bytes, 'dense');
  const rewrites = targets.map(([s, t]) => ({
    subgraph: s,
    tensor: t,
    data: floats(referencePruned(weightValues(model, s, t), sparsity, fc.has(`${s}/${t}`))),
    densify: false,
  }));
  return rewriteWeights(bytes, 'dense', model, rewrites, { metadata: [] });
}

async function outputs(bytes: Uint8Array, input: Float32Array): Promise<Float32Array> {
  const runtime = await HostRuntime.create();
  const model = runtime.loadModel(bytes, 'model.tflite', { threads: 1, profiling: false });
  try {
    model.setInput(input);
    model.infer();
    return model.output();
  } finally {
    model.dispose();
  }
}

function assertClose(actual: Float32Array, expected: Float32Array, what: string): void {
  assert.equal(actual.length, expected.length);
  const scale = Math.max(...expected.map(Math.abs), 1e-6);
  const worst = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
  assert.ok(worst <= 1e-5 * scale, `${what}: max |Δ| ${worst} (scale ${scale})`);
}

/** Targets as "subgraph/tensor" of the 1x1 conv filters (and FC weights) the rewriter should pick. */
function targetsOf(model: TfliteModel, includeFc: boolean): [number, number][] {
  return model.subgraphs.flatMap((sg, s) =>
    sg.operators
      .filter((op) => {
        const shape = sg.tensors[op.inputs[1] ?? -1]?.shape ?? [];
        return (
          (op.opName === 'CONV_2D' && shape[1] === 1 && shape[2] === 1) ||
          (includeFc && op.opName === 'FULLY_CONNECTED' && shape[1]! % 4 === 0)
        );
      })
      .map((op): [number, number] => [s, op.inputs[1]!]),
  );
}

test('guide model at 75 %: only the 1x1 filters change, they decode to the pruned weights, and the file says it is a what-if', () => {
  const before = readTflite(guideDense, 'dense.tflite');
  const result = sparsifyModel(guideDense, 'dense.tflite', { sparsity: 0.75, includeFc: false });
  const after = readTflite(result.bytes, 'sparse.tflite');
  const targets = targetsOf(before, false);
  assert.equal(targets.length, 2);
  const densified = assertOnlyTargetsChanged(before, after, new Set(targets.map(([s, t]) => `${s}/${t}`)));
  assert.equal(densified.size, 2);
  for (const [s, t] of targets) {
    assert.deepEqual(decoded(after, s, t), referencePruned(weightValues(before, s, t), 0.75, false));
    const sparsity = after.subgraphs[s]!.tensors[t]!.sparsity!;
    assert.deepEqual(sparsity.traversalOrder, [0, 1, 2, 3]);
    assert.deepEqual(
      sparsity.dimMetadata.map((d) => d.format),
      ['DENSE', 'DENSE', 'DENSE', 'SPARSE_CSR'],
    );
    assert.equal(sparsity.dimMetadata[3]!.segmentsType, 'uint8');
  }
  assert.deepEqual(
    result.layers.map((l) => [l.op, l.zeroFraction, l.encoding]),
    [
      ['CONV_2D', 0.75, 'csr+densify'],
      ['CONV_2D', 0.75, 'csr+densify'],
    ],
  );
  const entry = after.metadata.find((m) => m.name === WHATIF_METADATA_KEY)!;
  const meta = JSON.parse(new TextDecoder().decode(after.buffers[entry.buffer]!.data)) as {
    notice: string;
    targetSparsity: number;
  };
  assert.equal(meta.notice, WHATIF_NOTICE);
  assert.match(meta.notice, /weights pruned without training: accuracy not preserved/);
  assert.equal(meta.targetSparsity, 0.75);
  const runtimeVersion = after.metadata.find((m) => m.name === 'min_runtime_version')!;
  assert.equal(new TextDecoder().decode(after.buffers[runtimeVersion.buffer]!.data).replace(/\0+$/, ''), '2.2.0');
  assert.ok(sparseInferenceVerdict(after).eligible, sparseInferenceVerdict(after).summary);
});

test('guide model in the real runtime: the rewrite gives the outputs of the same pruned weights stored dense, and XNNPACK goes sparse', async () => {
  const before = readTflite(guideDense, 'dense.tflite');
  const input = randomImages(1, 5);
  for (const [sparsity, includeFc] of [
    [0.75, false],
    [0.9, true],
  ] as const) {
    const targets = targetsOf(before, includeFc);
    const fc = new Set(
      targets.filter(([s, t]) => before.subgraphs[s]!.tensors[t]!.shape.length === 2).map(([s, t]) => `${s}/${t}`),
    );
    assert.equal(fc.size, includeFc ? 1 : 0);
    const rewritten = sparsifyModel(guideDense, 'dense.tflite', { sparsity, includeFc }).bytes;
    const reference = densePruned(guideDense, sparsity, fc, targets);
    assertClose(await outputs(rewritten, input), await outputs(reference, input), `${sparsity} fc=${includeFc}`);
    const observed = await profileOnHost(rewritten, 'rewritten.tflite');
    assert.equal(observed.engaged, 'yes', observed.reason);
    assert.ok(observed.xnnpackOperators.some((n) => n.includes('SPMM')));
  }
  const half = sparsifyModel(guideDense, 'dense.tflite', { sparsity: 0.5, includeFc: false }).bytes;
  assert.equal((await profileOnHost(half, 'half.tflite')).engaged, 'no', 'at 50 % zeros XNNPACK stays dense (needs > 2/3)');
});

test('FULLY_CONNECTED weights are pruned in 1x4 blocks (converter block encoding), decoded back exactly', () => {
  const before = readTflite(guideDense, 'dense.tflite');
  const after = readTflite(sparsifyModel(guideDense, 'dense.tflite', { sparsity: 0.5, includeFc: true }).bytes, 'fc');
  const [s, t] = targetsOf(before, true).find(([s, t]) => before.subgraphs[s]!.tensors[t]!.shape.length === 2)!;
  const sparsity = after.subgraphs[s]!.tensors[t]!.sparsity!;
  assert.deepEqual([sparsity.traversalOrder, sparsity.blockMap], [[0, 1, 2], [1]]);
  assert.deepEqual(
    sparsity.dimMetadata.map((d) => [d.format, d.denseSize]),
    [
      ['DENSE', 10],
      ['SPARSE_CSR', 0],
      ['DENSE', 4],
    ],
  );
  assert.deepEqual(decoded(after, s, t), referencePruned(weightValues(before, s, t), 0.5, true));
});

test("a model with several subgraphs: each one's 1x1 filters are rewritten, signatures kept, and subgraph 0 runs as the dense-pruned copy", async () => {
  const bytes = writeTinyModel(
    [pointwiseSubgraph('main', 4, 8, 16, 7), pointwiseSubgraph('second', 2, 12, 8, 9)],
    [
      { key: 'serving_default', subgraph: 0 },
      { key: 'second', subgraph: 1 },
    ],
  );
  const before = readTflite(bytes, 'multi.tflite');
  const rewritten = sparsifyModel(bytes, 'multi.tflite', { sparsity: 0.75, includeFc: false });
  const after = readTflite(rewritten.bytes, 'multi-sparse.tflite');
  const targets = targetsOf(before, false);
  assert.deepEqual(targets, [
    [0, 1],
    [1, 1],
  ]);
  assertOnlyTargetsChanged(before, after, new Set(['0/1', '1/1']));
  for (const [s, t] of targets) assert.deepEqual(decoded(after, s, t), referencePruned(weightValues(before, s, t), 0.75, false));
  const input = randomValues(4 * 4 * 8, 3);
  assertClose(
    await outputs(rewritten.bytes, input),
    await outputs(densePruned(bytes, 0.75, new Set(), targets), input),
    'subgraph 0',
  );
});

test('operators and options the rewriter does not interpret are kept byte for byte; the file still runs', async () => {
  // 1x1 conv -> MIRROR_PAD (MirrorPadOptions, not decoded by the reader) -> output; a second subgraph holds a custom
  // op with custom options and an operator code from a newer schema with an options table holding a vector.
  const main = pointwiseSubgraph('main', 4, 8, 16, 11);
  main.tensors.push(
    { name: 'paddings', shape: [4, 2], type: T.INT32, data: ints([0, 0, 1, 1, 1, 1, 0, 0]) },
    { name: 'padded', shape: [1, 6, 6, 16], type: T.FLOAT32 },
  );
  main.ops.push({
    code: 100,
    inputs: [3, 4],
    outputs: [5],
    optionsType: 77,
    options: (b) => {
      b.startObject(1);
      b.addFieldInt8(0, 1, 0); // SYMMETRIC
      return b.endObject();
    },
  });
  main.outputs = [5];
  const odd = pointwiseSubgraph('odd', 2, 4, 8, 13);
  odd.tensors.push(
    { name: 'custom-out', shape: [1, 2, 2, 8], type: T.FLOAT32 },
    { name: 'future-out', shape: [1, 2, 2, 8], type: T.FLOAT32 },
  );
  odd.ops.push(
    { code: 'SparseStudioTestOp', inputs: [3], outputs: [4], customOptions: Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 7]) },
    {
      code: 250,
      // It reads the bias, not the 1x1 weights: an unknown operator reading those is refused (test/whatif/cli.test.ts).
      inputs: [4, 2],
      outputs: [5],
      optionsType: 240,
      options: (b) => {
        b.startVector(4, 3, 4);
        for (const v of [9, 8, 7]) b.addInt32(v);
        const list = b.endVector();
        b.startObject(2);
        b.addFieldOffset(0, list, 0);
        b.addFieldInt32(1, 42, 0);
        return b.endObject();
      },
    },
  );
  odd.outputs = [5];
  const bytes = writeTinyModel([main, odd], [{ key: 'serving_default', subgraph: 0 }]);
  const before = readTflite(bytes, 'odd.tflite');
  const rewritten = sparsifyModel(bytes, 'odd.tflite', { sparsity: 0.75, includeFc: false }).bytes;
  const after = readTflite(rewritten, 'odd-sparse.tflite');
  assertOnlyTargetsChanged(before, after, new Set(['0/1', '1/1']));
  // Operators after the inserted DENSIFY moved by one position.
  assert.deepEqual(operatorRawParts(rewritten, 0, 2), operatorRawParts(bytes, 0, 1));
  assert.deepEqual(operatorRawParts(rewritten, 1, 2), operatorRawParts(bytes, 1, 1));
  assert.deepEqual(operatorRawParts(rewritten, 1, 3, true), operatorRawParts(bytes, 1, 2, true));
  assert.deepEqual(operatorRawParts(rewritten, 1, 2).custom, Uint8Array.from([0xde, 0xad, 0xbe, 0xef, 7]));
  assert.equal(after.operatorCodes[2]!.customCode, 'SparseStudioTestOp');
  // The conv's own options table is the original one too.
  assert.deepEqual(operatorRawParts(rewritten, 0, 1), operatorRawParts(bytes, 0, 0));
  // The runtime resolves every subgraph's operators, so the custom and future ones stay out of the run.
  const runnable = writeTinyModel([main], [{ key: 'serving_default', subgraph: 0 }]);
  const input = randomValues(4 * 4 * 8, 5);
  const targets = targetsOf(readTflite(runnable, 'mirror-pad.tflite'), false);
  const sparse = sparsifyModel(runnable, 'mirror-pad.tflite', { sparsity: 0.75, includeFc: false }).bytes;
  assertClose(
    await outputs(sparse, input),
    await outputs(densePruned(runnable, 0.75, new Set(), targets), input),
    'MIRROR_PAD model',
  );
});

test('quantized models are refused with the reason (a small int8 model written here)', () => {
  const int8 = int8PointwiseModel();
  assert.throws(
    () => sparsifyModel(int8, 'int8.tflite', { sparsity: 0.75, includeFc: false }),
    (e: unknown) =>
      e instanceof UserError && e.code === 'TFLITE_QUANTIZED' && /int8\.tflite.*float32 and float16 models only/.test(e.message),
  );
});

test('a model with nothing to prune and a bad sparsity are clear errors', () => {
  const fcOnly = writeTinyModel([{ ...pointwiseSubgraph('main', 2, 4, 4, 1), ops: [] }]);
  assert.throws(() => sparsifyModel(fcOnly, 'empty.tflite', { sparsity: 0.5, includeFc: false }), /WHATIF|no 1x1 CONV_2D/);
  assert.throws(
    () => sparsifyModel(guideDense, 'dense.tflite', { sparsity: 1, includeFc: false }),
    /--sparsity must be a fraction/,
  );
});

const THIRD_PARTY = sharedPath('tflite-models');
const thirdParty = existsSync(THIRD_PARTY) ? false : `${THIRD_PARTY} is not present on this machine`;

test(
  'third-party files: int8 ones refused, float FULLY_CONNECTED ones rewritten and still running',
  { skip: thirdParty },
  async () => {
    for (const file of ['hello_world_int8.tflite', 'person_detect.tflite', 'mobilenet_v2_quantized_1x3x224x224.tflite']) {
      const bytes = new Uint8Array(readFileSync(join(THIRD_PARTY, file)));
      assert.throws(
        () => sparsifyModel(bytes, file, { sparsity: 0.75, includeFc: true }),
        (e: unknown) => e instanceof UserError && e.code === 'TFLITE_QUANTIZED',
        file,
      );
    }
    for (const file of ['hello_world_float.tflite', 'trained_lstm.tflite']) {
      const bytes = new Uint8Array(readFileSync(join(THIRD_PARTY, file)));
      const before = readTflite(bytes, file);
      const rewritten = sparsifyModel(bytes, file, { sparsity: 0.75, includeFc: true }).bytes;
      const targets = targetsOf(before, true);
      assertOnlyTargetsChanged(before, readTflite(rewritten, file), new Set(targets.map(([s, t]) => `${s}/${t}`)));
      const runtime = await HostRuntime.create();
      const size = runtime.loadModel(bytes, file, { threads: 1, profiling: false });
      const inputSize = size.inputs[0]!.shape.reduce((a, b) => a * b, 1);
      size.dispose();
      const input = randomValues(inputSize, 17);
      const fc = new Set(targets.map(([s, t]) => `${s}/${t}`));
      assertClose(await outputs(rewritten, input), await outputs(densePruned(bytes, 0.75, fc, targets), input), file);
    }
  },
);
