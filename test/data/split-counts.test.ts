import assert from 'node:assert/strict';
import { test } from 'node:test';
import { limitedCounts, trainValidationCounts } from '../../electron/core/data/split-counts';
import { interleaveGroups } from '../../electron/core/data/interleave';
import { UserError } from '../../electron/core/util/errors';

test('validation is the last 10 % of the training files, as Keras validation_split=0.1', () => {
  const cases: [number, number, number][] = [
    [50_000, 45_000, 5_000],
    [2_000, 1_800, 200],
    [1_000, 900, 100],
    [11, 9, 2],
    [10, 9, 1],
    [2, 1, 1],
  ];
  for (const [total, train, validation] of cases)
    assert.deepEqual(trainValidationCounts(total), { train, validation }, `total ${total}`);
});

test('too few training files cannot be split', () => {
  assert.throws(
    () => trainValidationCounts(1),
    (e: unknown) => e instanceof UserError && e.code === 'DATA_TOO_SMALL',
  );
});

test('limit keeps the first N training files and shrinks the test split in proportion', () => {
  const cases: [number, number, number | undefined, number, number][] = [
    [50_000, 10_000, undefined, 50_000, 10_000],
    [50_000, 10_000, 1_000, 1_000, 200],
    [50_000, 10_000, 2, 2, 1],
    [50_000, 10_000, 80_000, 50_000, 10_000],
    [100, 100, 10, 10, 10],
  ];
  for (const [train, testTotal, limit, expectTrain, expectTest] of cases) {
    assert.deepEqual(limitedCounts(train, testTotal, limit), { train: expectTrain, test: expectTest }, `limit ${limit}`);
  }
  for (const bad of [0, 1, 2.5, -4, Number.NaN]) {
    assert.throws(
      () => limitedCounts(10, 10, bad),
      (e: unknown) => e instanceof UserError && e.code === 'DATA_BAD_LIMIT',
      `limit ${bad}`,
    );
  }
});

test('interleaving by class puts every class into any tail of the list', () => {
  const groups = [
    ['a0', 'a1', 'a2'],
    ['b0', 'b1'],
    ['c0', 'c1', 'c2', 'c3'],
  ];
  assert.deepEqual(interleaveGroups(groups), ['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'c2', 'c3']);
  assert.deepEqual(interleaveGroups([]), []);
});
