import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as tf from '@tensorflow/tfjs';
import type { Split } from '../../electron/core/data/types';
import { initWeights } from '../../electron/core/model/weights';
import { pruneLowMagnitude } from '../../electron/core/prune/pruned-model';
import { PruningController } from '../../electron/core/prune/pruning-controller';
import { ConstantSparsity } from '../../electron/core/prune/schedules';
import { stripPruning } from '../../electron/core/prune/strip-pruning';
import { XNNPACK_POLICY } from '../../electron/core/prune/xnnpack-policy';
import { createTrainer } from '../../electron/core/train/backend';
import { evaluateSplit, fit } from '../../electron/core/train/fit';
import type { BackendName } from '../../electron/core/train/types';
import { createRng } from '../../electron/core/util/rng';
import { relativeError } from '../fast/compare';
import { prunableGraphModel } from '../fast/graph-specs';

before(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

function randomSplit(count: number, seed: number): Split {
  const rng = createRng(seed);
  return {
    images: Uint8Array.from({ length: count * 32 * 32 * 3 }, () => rng.int(256)),
    labels: Uint8Array.from({ length: count }, () => rng.int(10)),
    count,
  };
}

/** PruneForLatencyOnXNNPack (every 1x1 Conv2D masked), a new mask every step, over two epochs of two steps (batch 6). */
async function prunedRun(backend: BackendName) {
  const spec = prunableGraphModel();
  // Dropout draws differ between the engines (their generators differ): rate 0 keeps the two runs comparable.
  const comparable = { ...spec, layers: spec.layers.map((l) => (l.type === 'Dropout' ? { ...l, rate: 0 } : l)) };
  const schedule = new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0, frequency: 1 });
  const pruned = pruneLowMagnitude(comparable, initWeights(comparable, 5), {
    pruningSchedule: schedule,
    pruningPolicy: XNNPACK_POLICY,
  });
  const controller = new PruningController(pruned);
  const trainer = await createTrainer(comparable, pruned.weights, backend);
  try {
    controller.onTrainBegin();
    await fit({
      trainer,
      train: randomSplit(12, 1),
      validation: randomSplit(2, 2),
      epochs: 2,
      batchSize: 6,
      seed: 3,
      hooks: controller,
    });
    const test = evaluateSplit(trainer, randomSplit(6, 4), 6, controller);
    return { pruned, stripped: stripPruning(pruned, trainer.snapshot()), test };
  } finally {
    trainer.dispose();
  }
}

test('pruning a graph with the fast engine masks every 1x1 conv in every branch like the stock TF.js trainer', async () => {
  const fast = await prunedRun('fast-cpu');
  const stock = await prunedRun('tfjs-cpu');
  const oneByOne = ['expand', 'se_reduce', 'se_expand', 'project', 'head'].map((l) => `${l}/kernel`);
  assert.deepEqual(
    fast.pruned.tensors.map((t) => t.name),
    oneByOne,
  );
  assert.equal(fast.pruned.step, 4);
  fast.pruned.tensors.forEach((tensor, i) => {
    const other = stock.pruned.tensors[i]!;
    assert.deepEqual(Array.from(tensor.mask), Array.from(other.mask), `${tensor.name}: same mask as TF.js`);
    const values = fast.stripped.weights.get(tensor.name).values;
    const zeros = values.filter((v) => v === 0).length;
    assert.equal(zeros, values.length / 2, `${tensor.name}: exactly half zeros`);
    tensor.mask.forEach((m, j) => assert.ok(m !== 0 || values[j] === 0, `${tensor.name}[${j}] masked but not zero`));
  });
  for (const t of fast.stripped.weights.tensors) {
    const error = relativeError(t.values, stock.stripped.weights.get(t.name).values);
    assert.ok(error < 1e-5, `${t.name} after pruning: fast vs TF.js relative error ${error}`);
  }
  assert.ok(Math.abs(fast.test.loss - stock.test.loss) < 1e-4, `test loss ${fast.test.loss} vs ${stock.test.loss}`);
});
