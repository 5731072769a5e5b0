// The break-even sparsity (electron/core/whatif/whatif-report.ts breakEven) on cases worked out by hand: the sparsity
// where the pruned/dense median ratio reaches 1, interpolated linearly between the two measured points around the
// last crossing below 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { breakEven, type BreakEven } from '../../electron/core/whatif/whatif-report';

const points = (pairs: [number, number | null][]) => pairs.map(([sparsity, ratio]) => ({ sparsity, ratio }));

const CASES: { name: string; input: [number, number | null][]; expected: BreakEven }[] = [
  {
    // t = (1.1 - 1) / (1.1 - 0.8) = 1/3, so 0.5 + 0.25 / 3.
    name: 'crossing between 50 % and 75 %',
    input: [
      [0, 1],
      [0.5, 1.1],
      [0.75, 0.8],
      [0.9, 0.6],
    ],
    expected: { kind: 'interpolated', sparsity: 0.5 + 0.25 / 3, between: [0.5, 0.75] },
  },
  {
    // Below 1 at 50 %, above at 75 %, below again at 90 %: the last crossing counts. t = 0.1 / 0.4, 0.75 + 0.15 / 4.
    name: 'a dip that does not last: the last crossing',
    input: [
      [0.5, 0.95],
      [0.75, 1.1],
      [0.9, 0.7],
    ],
    expected: { kind: 'interpolated', sparsity: 0.7875, between: [0.75, 0.9] },
  },
  {
    // Exactly 1 at 50 % is not yet faster; the crossing is that point itself (t = 0).
    name: 'ratio exactly 1 at the lower point',
    input: [
      [0.5, 1],
      [0.75, 0.5],
    ],
    expected: { kind: 'interpolated', sparsity: 0.5, between: [0.5, 0.75] },
  },
  {
    name: 'points given out of order are sorted by sparsity',
    input: [
      [0.9, 0.5],
      [0.5, 1.5],
    ],
    // t = 0.5 / 1.0, 0.5 + 0.5 * 0.4.
    expected: { kind: 'interpolated', sparsity: 0.7, between: [0.5, 0.9] },
  },
  {
    name: 'faster from the lowest sparsity measured',
    input: [
      [0, 1],
      [0.5, 0.9],
      [0.75, 0.7],
    ],
    expected: { kind: 'at-or-below', sparsity: 0.5 },
  },
  {
    name: 'never faster: the best ratio',
    input: [
      [0, 1],
      [0.5, 1.2],
      [0.9, 1.05],
    ],
    expected: { kind: 'not-reached', best: 1.05 },
  },
  {
    name: 'faster at 50 % but slower again at 90 %: not reached, best 0.9',
    input: [
      [0.5, 0.9],
      [0.9, 1.1],
    ],
    expected: { kind: 'not-reached', best: 0.9 },
  },
  {
    name: 'unmeasured points (null) are left out',
    input: [
      [0.5, null],
      [0.75, 0.9],
    ],
    expected: { kind: 'at-or-below', sparsity: 0.75 },
  },
  { name: 'nothing measured', input: [[0, 1]], expected: { kind: 'not-reached', best: null } },
];

for (const c of CASES) {
  test(`break-even: ${c.name}`, () => {
    const actual = breakEven(points(c.input));
    assert.equal(actual.kind, c.expected.kind);
    if (actual.kind === 'interpolated' && c.expected.kind === 'interpolated') {
      assert.ok(Math.abs(actual.sparsity - c.expected.sparsity) < 1e-12, `${actual.sparsity} vs ${c.expected.sparsity}`);
      assert.deepEqual(actual.between, c.expected.between);
    } else {
      assert.deepEqual(actual, c.expected);
    }
  });
}
