import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConstantSparsity, PolynomialDecay, scheduleFromConfig, type PruningSchedule } from '../../electron/core/prune/schedules';

const f = Math.fround;

test('PolynomialDecay(0.2, 0.6, begin 1, end 4, power 3, frequency 1): 0.2 at step 1, 0.6 at step 4 (prune_integration_test)', () => {
  const s = new PolynomialDecay({ initialSparsity: 0.2, finalSparsity: 0.6, beginStep: 1, endStep: 4, power: 3, frequency: 1 });
  // float32 throughout, as TF: (f32(0.2 - 0.6) * 1 + f32(0.6)) is 0.20000002, one ulp above f32(0.2).
  assert.deepEqual(s.at(1), { shouldPrune: true, sparsity: f(f(0.2 - 0.6) + f(0.6)) });
  assert.ok(Math.abs(s.at(1).sparsity - 0.2) < 1e-7);
  assert.deepEqual(s.at(4), { shouldPrune: true, sparsity: f(0.6) });
  // p = 1/3: (0.2 - 0.6) * (2/3)^3 + 0.6 in float32.
  const p = f(f(1) / f(3));
  assert.equal(s.at(2).sparsity, f(f(f(0.2 - 0.6) * f(Math.pow(f(1 - p), 3))) + f(0.6)));
  assert.equal(s.at(0).shouldPrune, false);
  assert.equal(s.at(5).shouldPrune, false);
  assert.equal(s.at(5).sparsity, f(0.6));
});

test('update rule: s >= begin && (s <= end || end < 0) && (s - begin) % frequency == 0', () => {
  const cases: [PruningSchedule, number[], number[]][] = [
    // Default frequency 100: no update before step 100 (the k-th batch sees step k).
    [new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 }), [100, 200, 1_000_000], [1, 2, 50, 99, 101, 199]],
    [new ConstantSparsity({ targetSparsity: 0.5, beginStep: 10, endStep: 30, frequency: 10 }), [10, 20, 30], [0, 9, 15, 40]],
    [
      new PolynomialDecay({ initialSparsity: 0.25, finalSparsity: 0.75, beginStep: 0, endStep: 1760 }),
      [100, 1700],
      [1, 99, 1760, 1800],
    ],
  ];
  for (const [schedule, yes, no] of cases) {
    for (const step of yes) assert.equal(schedule.at(step).shouldPrune, true, `step ${step}`);
    for (const step of no) assert.equal(schedule.at(step).shouldPrune, false, `step ${step}`);
  }
});

test('when end - begin is not a multiple of frequency, PolynomialDecay never reaches final_sparsity', () => {
  const guide = new PolynomialDecay({ initialSparsity: 0.25, finalSparsity: 0.75, beginStep: 0, endStep: 1760 });
  const last = guide.at(1700);
  assert.ok(last.shouldPrune && last.sparsity < f(0.75) && last.sparsity > 0.7499);
  assert.equal(guide.at(100).sparsity, f(f(f(0.25 - 0.75) * f(Math.pow(f(1 - f(f(100) / f(1760))), 3))) + f(0.75)));
});

test('ConstantSparsity returns its target in float32 at every step', () => {
  const s = new ConstantSparsity({ targetSparsity: 0.1, beginStep: 0 });
  assert.equal(s.at(7).sparsity, f(0.1));
  assert.notEqual(f(0.1), 0.1);
});

test('begin == end passes validation but divides by zero (NaN at begin, final after)', () => {
  const s = new PolynomialDecay({ initialSparsity: 0.2, finalSparsity: 0.6, beginStep: 5, endStep: 5 });
  assert.ok(Number.isNaN(s.at(5).sparsity));
  assert.equal(s.at(6).sparsity, f(0.6));
});

test('every validation message, in upstream order', () => {
  const poly = (o: Partial<ConstructorParameters<typeof PolynomialDecay>[0]>) => () =>
    new PolynomialDecay({ initialSparsity: 0.2, finalSparsity: 0.8, beginStep: 0, endStep: 100, ...o });
  const constant = (o: Partial<ConstructorParameters<typeof ConstantSparsity>[0]>) => () =>
    new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0, ...o });
  const cases: [() => unknown, string][] = [
    [poly({ beginStep: -1 }), 'begin_step should be >= 0'],
    [constant({ beginStep: -5 }), 'begin_step should be >= 0'],
    [poly({ endStep: -1 }), 'end_step cannot be -1.'],
    [poly({ endStep: -2 }), 'end_step can be -1 or >= 0'],
    [constant({ endStep: -2 }), 'end_step can be -1 or >= 0'],
    [poly({ beginStep: 10, endStep: 5 }), 'begin_step should be <= end_step if end_step != -1'],
    [constant({ beginStep: 10, endStep: 5 }), 'begin_step should be <= end_step if end_step != -1'],
    [poly({ frequency: 0 }), 'frequency should be > 0'],
    [constant({ frequency: -1 }), 'frequency should be > 0'],
    [constant({ targetSparsity: 1 }), 'target_sparsity must be in range [0,1)'],
    [constant({ targetSparsity: -0.1 }), 'target_sparsity must be in range [0,1)'],
    [poly({ initialSparsity: 1.5 }), 'initial_sparsity must be in range [0,1)'],
    [poly({ finalSparsity: 1 }), 'final_sparsity must be in range [0,1)'],
    // Steps are validated before sparsities.
    [poly({ beginStep: -1, finalSparsity: 2 }), 'begin_step should be >= 0'],
    [poly({ initialSparsity: 2, finalSparsity: 2 }), 'initial_sparsity must be in range [0,1)'],
    [constant({ frequency: 2.5 }), 'frequency must be a whole number, got 2.5'],
  ];
  for (const [make, message] of cases) assert.throws(make, (e: Error) => e.message === message, message);
  assert.doesNotThrow(constant({ targetSparsity: 0, endStep: -1 }));
});

test('getConfig matches upstream keys and round-trips', () => {
  const poly = new PolynomialDecay({ initialSparsity: 0.25, finalSparsity: 0.75, beginStep: 0, endStep: 1760 });
  assert.deepEqual(poly.getConfig(), {
    class_name: 'PolynomialDecay',
    config: { initial_sparsity: 0.25, final_sparsity: 0.75, power: 3, begin_step: 0, end_step: 1760, frequency: 100 },
  });
  const constant = new ConstantSparsity({ targetSparsity: 0.5, beginStep: 0 });
  assert.deepEqual(constant.getConfig(), {
    class_name: 'ConstantSparsity',
    config: { target_sparsity: 0.5, begin_step: 0, end_step: -1, frequency: 100 },
  });
  for (const s of [poly, constant]) {
    const copy = scheduleFromConfig(JSON.parse(JSON.stringify(s.getConfig())));
    assert.deepEqual(copy.getConfig(), s.getConfig());
    assert.deepEqual(copy.at(1234), s.at(1234));
  }
  assert.throws(() => scheduleFromConfig({ class_name: 'Nope' } as never), /Unknown pruning schedule class 'Nope'/);
});
