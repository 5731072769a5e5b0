import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extent, linear as linearScale, niceTicks, thin, tickLabel } from '../../shared/report-view/charts/axis';

test('niceTicks gives round steps covering the range', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 100, 5), [0, 20, 40, 60, 80, 100]);
  assert.deepEqual(niceTicks(0.31, 2.27, 4), [0, 0.5, 1, 1.5, 2, 2.5]);
  assert.deepEqual(niceTicks(3, 3, 4), [2.6, 2.8, 3, 3.2, 3.4]);
  assert.deepEqual(niceTicks(NaN, 1), []);
  const ticks = niceTicks(17, 9431, 5);
  assert.ok(ticks[0]! <= 17 && ticks[ticks.length - 1]! >= 9431, ticks.join(','));
});

test('linearScale, extent, thin, tickLabel', () => {
  const s = linearScale([0, 10], [100, 0]);
  assert.equal(s(0), 100);
  assert.equal(s(10), 0);
  assert.equal(s(5), 50);
  assert.deepEqual(extent([3, NaN, -1, 7, Infinity]), [-1, 7]);
  assert.equal(extent([]), undefined);
  const kept = thin(
    Array.from({ length: 1001 }, (_, i) => i),
    100,
  );
  assert.ok(kept.length <= 102);
  assert.equal(kept[0], 0);
  assert.equal(kept[kept.length - 1], 1000);
  assert.deepEqual(thin([1, 2, 3], 10), [1, 2, 3]);
  assert.equal(tickLabel(12000), '12k');
  assert.equal(tickLabel(2_500_000), '2.5M');
  assert.equal(tickLabel(0.25), '0.25');
});
