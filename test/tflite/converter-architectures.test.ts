import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadDataset } from '../../electron/core/data/load';
import { modelByName } from '../../electron/core/model/built-in';
import { convertToTflite } from '../../electron/core/tflite/convert';
import { inspectTfliteBytes } from '../../electron/core/tflite/inspect';
import { readTflite } from '../../electron/core/tflite/read-model';
import { pointwiseKernels, prunePointwise, randomWeights } from './graph-models';
import { assertRunsLikeTfjs, spmmCount } from './graph-runtime-support';

// Small width and a few images keep this fast; the structure (blocks, SE, residuals, head) is the full one.
const WIDTH = 0.35;
const IMAGES = 4;

async function sampleImages(): Promise<Float32Array> {
  const dataset = await loadDataset('sample', { limit: 200 });
  return Float32Array.from(dataset.test.images.subarray(0, IMAGES * 32 * 32 * 3), (v) => v / 255);
}

const CASES = [
  // Every 1x1 conv runs sparse: the NCHW part ends at the final MEAN.
  {
    name: 'mobilenetv2-cifar',
    outsideSparsePart: [] as string[],
    ops: ['PAD', 'CONV_2D', 'DEPTHWISE_CONV_2D', 'ADD', 'MEAN', 'RESHAPE', 'FULLY_CONNECTED'],
  },
  // The classifier (1x1 conv 'Logits' feeding the Flatten) runs NHWC after the NCHW part; every other 1x1 conv, the
  // squeeze-excite ones included, runs sparse.
  {
    name: 'mobilenetv3s-cifar',
    outsideSparsePart: ['Logits'],
    ops: ['PAD', 'CONV_2D', 'HARD_SWISH', 'DEPTHWISE_CONV_2D', 'MEAN', 'MUL', 'ADD', 'RESHAPE'],
  },
] as const;

for (const c of CASES) {
  test(`${c.name} (width ${WIDTH}): dense and 75 %-pruned files run like TF.js in one XNNPACK partition, SPMM for the 1x1 convs`, async () => {
    const spec = modelByName(c.name, { width: WIDTH });
    const weights = randomWeights(spec, 5);
    const images = await sampleImages();
    const dense = convertToTflite(spec, weights, { sparse: false }).bytes;
    const kinds = new Set(readTflite(dense, `${c.name}.tflite`).subgraphs[0]!.operators.map((o) => o.opName));
    assert.deepEqual([...kinds].sort(), [...c.ops].sort());
    const denseRun = await assertRunsLikeTfjs(dense, `${c.name}.tflite`, { spec, weights }, images, IMAGES);
    assert.equal(denseRun.engaged, 'no');

    const pruned = prunePointwise(spec, weights, 0.75);
    const sparse = convertToTflite(spec, pruned, { sparse: true });
    const pointwise = pointwiseKernels(spec);
    assert.equal(sparse.sparsity!.encoded.length, pointwise.length, 'every 1x1 kernel stored as CSR + DENSIFY');
    assert.ok(sparse.bytes.length < dense.length * 0.5, `sparse ${sparse.bytes.length} B, dense ${dense.length} B`);
    const sparseRun = await assertRunsLikeTfjs(
      sparse.bytes,
      `${c.name}-pruned.tflite`,
      { spec, weights: pruned },
      images,
      IMAGES,
    );
    assert.equal(sparseRun.engaged, 'yes', sparseRun.reason);
    assert.equal(spmmCount(sparseRun), pointwise.length - c.outsideSparsePart.length);
    const verdict = inspectTfliteBytes(sparse.bytes, 'pruned.tflite').sparseInference!;
    assert.equal(verdict.eligible, true, verdict.summary);
  });
}
