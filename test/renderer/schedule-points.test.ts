import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PolynomialDecay } from '../../electron/core/prune/schedules';
import { GUIDE_SCHEDULE, schedulePlot, stepsPerEpoch } from '../../renderer/src/state/schedule-points';

test('the plot follows the core PolynomialDecay for the guide schedule on 45,000 images', () => {
  const plot = schedulePlot(GUIDE_SCHEDULE, 45_000);
  assert.equal(stepsPerEpoch(45_000, 128), 352);
  assert.equal(plot.totalSteps, 352 * 15);
  assert.equal(plot.endStep, 352 * 5);
  assert.equal(plot.error, undefined);
  const reference = new PolynomialDecay({
    initialSparsity: 0.25,
    finalSparsity: 0.75,
    beginStep: 0,
    endStep: 1760,
    power: 3,
    frequency: 100,
  });
  for (const p of plot.points) assert.equal(p.sparsity, reference.at(p.step).sparsity, `step ${p.step}`);
  const atEnd = plot.points.find((p) => p.step === 1760);
  assert.ok(atEnd, 'the end step is always sampled');
  assert.equal(atEnd.sparsity, Math.fround(0.75));
  assert.equal(plot.points[plot.points.length - 1]?.step, 5280);
  assert.ok(plot.points.length <= 203);
  // Masks are recomputed every 100 steps from begin (0) until end_step.
  assert.deepEqual(plot.updates.slice(0, 3), [100, 200, 300]);
  assert.equal(plot.updates[plot.updates.length - 1], 1700);
});

test('a schedule the core refuses shows the core message and no points', () => {
  const plot = schedulePlot({ ...GUIDE_SCHEDULE, finalSparsity: 1 }, 1000);
  assert.equal(plot.error, 'final_sparsity must be in range [0,1)');
  assert.deepEqual(plot.points, []);
  const zeroFrequency = schedulePlot({ ...GUIDE_SCHEDULE, frequency: 0 }, 1000);
  assert.equal(zeroFrequency.error, 'frequency should be > 0');
});

test('small data sets: few steps, every step sampled', () => {
  const plot = schedulePlot({ ...GUIDE_SCHEDULE, epochs: 2, endEpoch: 1, batchSize: 32 }, 100);
  assert.equal(plot.totalSteps, 8);
  assert.deepEqual(
    plot.points.map((p) => p.step),
    [1, 2, 3, 4, 5, 6, 7, 8],
  );
  assert.equal(plot.points[3]?.sparsity, Math.fround(0.75));
});
