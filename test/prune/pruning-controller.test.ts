import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guideModel } from '../../electron/core/model/baseline';
import { initWeights } from '../../electron/core/model/weights';
import { keptCount } from '../../electron/core/prune/magnitude-mask';
import { pruneLowMagnitude } from '../../electron/core/prune/pruned-model';
import { PruningController } from '../../electron/core/prune/pruning-controller';
import { ConstantSparsity, PolynomialDecay } from '../../electron/core/prune/schedules';
import { stripPruning } from '../../electron/core/prune/strip-pruning';
import { FakeWeightAccess } from './fake-weights';
import { denseModel } from './models';

const MISSING =
  'Prune() wrapper requires the UpdatePruningStep callback to be provided during training. Please add it as a callback to your model.fit call.';
const zeros = (values: Float32Array): number => values.filter((v) => v === 0).length;

function setup(schedule: ConstantSparsity | PolynomialDecay, spec = denseModel()) {
  const pruned = pruneLowMagnitude(spec, initWeights(spec, 7), { pruningSchedule: schedule });
  const access = new FakeWeightAccess(pruned.weights.clone());
  return { pruned, access, controller: new PruningController(pruned) };
}

test('training without onTrainBegin (UpdatePruningStep) fails on the first batch with the upstream message', () => {
  const { pruned, access, controller } = setup(new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 }));
  controller.beforeInference(access);
  assert.equal(pruned.step, -1, 'inference leaves the step at -1');
  assert.throws(
    () => controller.beforeTrainBatch(1, access),
    (e: Error) => e.message === MISSING,
  );
});

test('the k-th batch sees step k; PolynomialDecay(0.2, 0.6, 1, 4, 3, 1) prunes 20 % at step 1 and 60 % at step 4', () => {
  const { pruned, access, controller } = setup(
    new PolynomialDecay({ initialSparsity: 0.2, finalSparsity: 0.6, beginStep: 1, endStep: 4, power: 3, frequency: 1 }),
  );
  controller.onTrainBegin();
  assert.equal(pruned.step, 0);
  const kernel = () => access.weights.get('dense/kernel').values;
  const expected = [20, 48, 59, 60, 60, 60]; // k = round_half_even(100 * (1 - s)): s = 0.2, 0.4815, 0.5852, 0.6, then frozen
  expected.forEach((zerosAfter, i) => {
    controller.beforeTrainBatch(i + 1, access);
    assert.equal(pruned.step, i + 1);
    assert.equal(zeros(kernel()), zerosAfter, `after step ${i + 1}`);
    access.perturb(i);
  });
  assert.deepEqual(controller.summary().maskUpdateSteps, [1, 2, 3, 4]);
});

test('each mask update is reported as it happens: its step, the target and the sparsity the mask reached', () => {
  const spec = denseModel();
  const schedule = new PolynomialDecay({
    initialSparsity: 0.2,
    finalSparsity: 0.6,
    beginStep: 1,
    endStep: 4,
    power: 3,
    frequency: 1,
  });
  const pruned = pruneLowMagnitude(spec, initWeights(spec, 7), { pruningSchedule: schedule });
  const access = new FakeWeightAccess(pruned.weights.clone());
  const heard: { step: number; target: number; tensors: { name: string; sparsity: number }[] }[] = [];
  const controller = new PruningController(pruned, (update) => heard.push(update));
  controller.onTrainBegin();
  for (let step = 1; step <= 6; step++) {
    controller.beforeTrainBatch(step, access);
    access.perturb(step);
  }
  // Upstream PolynomialDecay: s = 0.6 + (0.2 - 0.6) (1 - (step - 1) / 3)^3; the 100-weight kernel keeps
  // round_half_even(100 (1 - s)) weights: 20, 48, 59, 60 zeros. No update after the end step.
  assert.deepEqual(
    heard.map((u) => u.step),
    [1, 2, 3, 4],
  );
  const targets = [0.2, 0.6 - 0.4 * (8 / 27), 0.6 - 0.4 / 27, 0.6];
  heard.forEach((u, i) => assert.ok(Math.abs(u.target - targets[i]!) < 1e-6, `target at step ${u.step}: ${u.target}`));
  assert.deepEqual(
    heard.map((u) => u.tensors.map((t) => [t.name, Math.round(t.sparsity * 100)])),
    [20, 48, 59, 60].map((zeros) => [['dense/kernel', zeros]]),
  );
  assert.deepEqual(controller.summary().maskUpdates, heard);
});

test('with the default frequency nothing is pruned before step 100', () => {
  const { access, controller } = setup(new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 }));
  controller.onTrainBegin();
  for (let step = 1; step <= 99; step++) {
    controller.beforeTrainBatch(step, access);
    access.perturb(step);
  }
  assert.equal(zeros(access.weights.get('dense/kernel').values), 0);
  controller.beforeTrainBatch(100, access);
  assert.equal(zeros(access.weights.get('dense/kernel').values), 50);
});

test("the guide's schedule on the guide's model: each 1x1 kernel exactly 75 % zeros, nothing else masked", () => {
  const spec = guideModel(true);
  const stepsPerEpoch = 352; // ceil(45,000 / 128)
  const schedule = new PolynomialDecay({ initialSparsity: 0.25, finalSparsity: 0.75, beginStep: 0, endStep: 5 * stepsPerEpoch });
  const pruned = pruneLowMagnitude(spec, initWeights(spec, 42), {
    pruningSchedule: schedule,
    pruningPolicy: 'PruneForLatencyOnXNNPack',
  });
  assert.deepEqual(
    pruned.tensors.map((t) => t.name),
    ['conv2d_1/kernel', 'conv2d_2/kernel'],
  );
  const access = new FakeWeightAccess(pruned.weights.clone());
  const controller = new PruningController(pruned);
  controller.onTrainBegin();
  const epochs = 6;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = 1; i <= stepsPerEpoch; i++) {
      controller.beforeTrainBatch(epoch * stepsPerEpoch + i, access);
      access.perturb(epoch * stepsPerEpoch + i);
    }
    controller.beforeInference(access);
    controller.onEpochEnd(epoch, access);
  }
  assert.deepEqual([...access.written].sort(), ['conv2d_1/kernel', 'conv2d_2/kernel'], 'masks touch only the 1x1 kernels');
  const { weights } = stripPruning(pruned, access.weights);
  assert.equal(zeros(weights.get('conv2d_1/kernel').values), 96);
  assert.equal(weights.get('conv2d_1/kernel').values.length, 128);
  assert.equal(zeros(weights.get('conv2d_2/kernel').values), 384);
  assert.equal(weights.get('conv2d_2/kernel').values.length, 512);
  for (const tensor of weights.tensors) {
    if (tensor.name.endsWith('_1/kernel') || tensor.name.endsWith('_2/kernel')) continue;
    assert.deepEqual(tensor.values, access.weights.get(tensor.name).values, `${tensor.name} unchanged by stripping`);
  }
  const summary = controller.summary();
  assert.deepEqual(
    summary.maskUpdateSteps,
    [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700],
  );
  assert.equal(summary.targetPerStep.length, epochs * stepsPerEpoch);
  assert.equal(summary.epochs.length, epochs);
  const last = summary.epochs[epochs - 1]!;
  assert.equal(last.step, epochs * stepsPerEpoch);
  assert.deepEqual(
    last.tensors.map((t) => t.sparsity),
    [0.75, 0.75],
  );
  assert.ok(last.tensors.every((t) => t.threshold > 0));
  // Epoch 1 ends at step 352; its last mask update was at step 300.
  const target300 = schedule.at(300).sparsity;
  assert.equal(summary.targetPerStep[299], target300);
  assert.deepEqual(
    summary.epochs[0]!.tensors.map((t) => t.sparsity),
    [128, 512].map((n) => 1 - keptCount(n, target300) / n),
  );
  assert.deepEqual(JSON.parse(JSON.stringify(summary)), summary, 'the summary is JSON-serialisable');
});

test('masked entries that drifted during the epoch are zero again at the epoch end and before inference', () => {
  const { access, controller } = setup(new ConstantSparsity({ targetSparsity: 0.5, beginStep: 1, frequency: 1 }));
  controller.onTrainBegin();
  controller.beforeTrainBatch(1, access);
  access.perturb(99);
  assert.equal(zeros(access.weights.get('dense/kernel').values), 0, 'the optimizer moved them');
  controller.beforeInference(access);
  assert.equal(zeros(access.weights.get('dense/kernel').values), 50);
  access.perturb(98);
  controller.onEpochEnd(0, access);
  assert.equal(zeros(access.weights.get('dense/kernel').values), 50);
});

test('without a policy every Conv2D and Dense kernel is pruned; biases, BN and depthwise never', () => {
  const spec = guideModel(true);
  const pruned = pruneLowMagnitude(spec, initWeights(spec, 1));
  assert.deepEqual(
    pruned.tensors.map((t) => t.name),
    ['conv2d/kernel', 'conv2d_1/kernel', 'conv2d_2/kernel', 'dense/kernel'],
  );
  assert.equal(pruned.wrappedLayers.length, spec.layers.length);
  assert.equal(pruned.step, -1);
  assert.deepEqual(pruned.schedule.getConfig(), new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 }).getConfig());
});

test('block sparsity: rank-2 weights only, upstream pooling-type message, [1,4] blocks on a Dense kernel', () => {
  const spec = guideModel(true);
  const weights = initWeights(spec, 1);
  assert.throws(
    () => pruneLowMagnitude(spec, weights, { blockSize: [1, 4] }),
    (e: Error) => e.message === 'Block Sparsity can only be used for layers which have 2-dimensional weights.',
  );
  assert.throws(
    () => pruneLowMagnitude(denseModel(), initWeights(denseModel(), 1), { blockSize: [0, 4] }),
    /block_size must be two whole numbers >= 1/,
  );
  assert.throws(
    () => pruneLowMagnitude(spec, weights, { blockPoolingType: 'SUM' }),
    (e: Error) => e.message === "Unsupported pooling type 'SUM'. Should be 'AVG' or 'MAX'.",
  );
  const dense = denseModel(16, [4, 4, 2]); // kernel 32 x 16 = 128 blocks of 1x4
  const { access, controller } = (() => {
    const pruned = pruneLowMagnitude(dense, initWeights(dense, 3), {
      pruningSchedule: new ConstantSparsity({ targetSparsity: 0.75, beginStep: 1, frequency: 1 }),
      blockSize: [1, 4],
    });
    return { access: new FakeWeightAccess(pruned.weights.clone()), controller: new PruningController(pruned) };
  })();
  controller.onTrainBegin();
  controller.beforeTrainBatch(1, access);
  const kernel = access.weights.get('dense/kernel').values;
  assert.equal(zeros(kernel), 384);
  for (let block = 0; block < 128; block++) {
    const z = zeros(kernel.subarray(block * 4, block * 4 + 4));
    assert.ok(z === 0 || z === 4, `block ${block} is all kept or all pruned`);
  }
});

test('unknown layer types get the registry message', () => {
  const spec = denseModel();
  const odd = { ...spec, layers: [{ type: 'Lambda', name: 'lambda' }, ...spec.layers] } as unknown as typeof spec;
  assert.throws(
    () => pruneLowMagnitude(odd, initWeights(spec, 1)),
    /Please initialize `Prune` with a supported layer.*You passed: <class 'Lambda'>/s,
  );
});
