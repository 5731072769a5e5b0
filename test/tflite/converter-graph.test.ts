import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { readTflite } from '../../electron/core/tflite/read-model';
import { GRAPH_CASES } from './graph-cases';
import { prunePointwise, randomWeights } from './graph-models';
import { assertRunsLikeTfjs, randomInputs, spmmCount } from './graph-runtime-support';

const IMAGES = 6;

for (const c of GRAPH_CASES) {
  test(`graph conversion, ${c.name}: converter ops, real runtime = TF.js, one XNNPACK partition`, async () => {
    const weights = randomWeights(c.spec, 7);
    const images = randomInputs(c.spec, IMAGES, 11);
    const dense = convertToTflite(c.spec, weights, { sparse: false }).bytes;
    const ops = readTflite(dense, `${c.spec.name}.tflite`).subgraphs[0]!.operators;
    assert.deepEqual(
      ops.map((o) => o.opName),
      c.ops,
    );
    if (c.fused)
      assert.deepEqual(
        ops.filter((o) => 'fused_activation_function' in o.options).map((o) => o.options.fused_activation_function),
        c.fused,
      );
    const denseRun = await assertRunsLikeTfjs(dense, `${c.spec.name}.tflite`, { spec: c.spec, weights }, images, IMAGES);
    assert.equal(denseRun.engaged, 'no');

    const pruned = prunePointwise(c.spec, weights, 0.75);
    const sparse = convertToTflite(c.spec, pruned, { sparse: true });
    const sparseOps = readTflite(sparse.bytes, 'sparse.tflite').subgraphs[0]!.operators.map((o) => o.opName);
    assert.deepEqual(
      sparseOps.filter((o) => o !== 'DENSIFY'),
      c.ops,
      'the sparse file has the same ops plus DENSIFY',
    );
    const sparseRun = await assertRunsLikeTfjs(
      sparse.bytes,
      `${c.spec.name}-sparse.tflite`,
      { spec: c.spec, weights: pruned },
      images,
      IMAGES,
    );
    if (c.spmm !== undefined) {
      assert.equal(spmmCount(sparseRun), c.spmm, sparseRun.xnnpackOperators.join(' | '));
      assert.equal(sparseRun.engaged, c.spmm > 0 ? 'yes' : 'no', sparseRun.reason);
      const verdict = inspectTfliteBytes(sparse.bytes, 'sparse.tflite').sparseInference!;
      assert.equal(verdict.eligible, c.spmm > 0, `the static verdict agrees with the runtime: ${verdict.summary}`);
    }
  });
}

function caseNamed(name: string): (typeof GRAPH_CASES)[number] {
  return GRAPH_CASES.find((c) => c.spec.name === name)!;
}

test('graph conversion: op codes, versions, options tables and min_runtime_version of the new ops', () => {
  const se = caseNamed('squeeze_excite');
  const hs = caseNamed('hard_swish');
  const sg = caseNamed('sigmoid');
  const res = caseNamed('residual');
  const read = (c: (typeof GRAPH_CASES)[number]) =>
    readTflite(convertToTflite(c.spec, randomWeights(c.spec, 2), { sparse: false }).bytes, `${c.spec.name}.tflite`);
  const codes = new Map<string, [number, number, number]>();
  for (const m of [se, hs, sg, res].map(read))
    for (const c of m.operatorCodes) codes.set(c.name, [c.builtinCode, c.deprecatedBuiltinCode, c.version]);
  assert.deepEqual(codes.get('ADD'), [0, 0, 1]);
  assert.deepEqual(codes.get('MUL'), [18, 18, 1]);
  assert.deepEqual(codes.get('LOGISTIC'), [14, 14, 1]);
  assert.deepEqual(codes.get('HARD_SWISH'), [117, 117, 1]);

  const hsModel = read(hs);
  const runtime = (m: ReturnType<typeof read>) =>
    new TextDecoder().decode(m.buffers[m.metadata[0]!.buffer]!.data).replace(/\0+$/, '');
  assert.equal(runtime(hsModel), '1.15.0', 'HARD_SWISH needs TFLite 1.15');
  assert.equal(runtime(read(res)), '1.6.0');
  for (const op of hsModel.subgraphs[0]!.operators.filter((o) => o.opName === 'HARD_SWISH')) assert.equal(op.optionsType, 'NONE');

  const seModel = read(se);
  const seOps = seModel.subgraphs[0]!.operators;
  const tensors = seModel.subgraphs[0]!.tensors;
  const [gate, excite] = seOps.filter((o) => o.opName === 'MUL');
  assert.equal(gate!.optionsType, 'MulOptions');
  assert.equal(gate!.options.fused_activation_function, 'NONE');
  // The hard_sigmoid's / 6 as a MUL by a [1,1,1,1] constant; the SE Multiply broadcasts [1,1,1,16] over [1,8,8,16].
  assert.deepEqual(tensors[gate!.inputs[1]!]!.shape, [1, 1, 1, 1]);
  assert.deepEqual(
    excite!.inputs.map((i) => tensors[i]!.shape),
    [
      [1, 8, 8, 16],
      [1, 1, 1, 16],
    ],
  );
  const mean = seOps.find((o) => o.opName === 'MEAN')!;
  assert.deepEqual(mean.options, { keep_dims: true });
  const add = read(res).subgraphs[0]!.operators.find((o) => o.opName === 'ADD')!;
  assert.equal(add.optionsType, 'AddOptions');
});
