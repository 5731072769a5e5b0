import { test } from 'node:test';
import assert from 'node:assert/strict';
import { overviewFromReport } from '../../electron/core/report/run-overview';
import { runRows } from '../../renderer/src/state/run-list';
import { scriptedReport } from './fixtures/scripted-report';

test('run history rows from the report module’s run list, unreadable runs included', () => {
  const rows = runRows([
    { ok: true, overview: overviewFromReport(scriptedReport(['/runs/run-a'])) },
    { ok: false, dir: '/runs/run-b/', error: 'run.json is not valid JSON', code: 'RUN_UNREADABLE' },
    { ok: true, overview: overviewFromReport(scriptedReport(['/usb/run-c'])), opened: true },
  ]);
  assert.equal(rows.length, 3);
  assert.equal(rows[0]?.id, 'run-a');
  assert.equal(rows[0]?.dir, '/runs/run-a');
  assert.equal(rows[0]?.status, 'completed');
  assert.match(rows[0]?.summary ?? '', /This computer 1\.50× \(synthetic\)/);
  assert.equal(rows[0]?.error, undefined);
  assert.deepEqual(rows[1], {
    dir: '/runs/run-b/',
    id: 'run-b',
    name: undefined,
    note: undefined,
    kind: '—',
    completedSteps: [],
    status: 'unreadable',
    createdAt: undefined,
    summary: '',
    error: 'run.json is not valid JSON',
    errorCode: 'RUN_UNREADABLE',
    opened: false,
  });
  assert.deepEqual(
    rows.map((r) => r.opened),
    [false, false, true],
    'runs opened from outside the workspace are marked',
  );
  assert.deepEqual(runRows({ runs: [] }), []);
  assert.deepEqual(runRows(null), []);
});

test('a run whose pruning pruned nothing says so in History instead of showing a pruned model', () => {
  const overview = overviewFromReport(scriptedReport(['/runs/run-a']));
  const [row] = runRows([{ ok: true, overview: { ...overview, pointwiseSparsity: 0 } }]);
  assert.match(row?.summary ?? '', /nothing pruned \(1×1 sparsity 0\.0 %\)/);
  const [pruned] = runRows([{ ok: true, overview: { ...overview, pointwiseSparsity: 0.75 } }]);
  assert.match(pruned?.summary ?? '', /1×1 sparsity 75\.0 %/);
  assert.doesNotMatch(pruned?.summary ?? '', /nothing pruned/);
});

test('a what-if run is listed as what-if, not by its benchmark step', () => {
  const overview = overviewFromReport(scriptedReport(['/runs/whatif-1']));
  const steps = ['sparsify', 'benchmark', 'report'].map((name) => ({ ...overview.steps[0]!, name }));
  const [row] = runRows([{ ok: true, overview: { ...overview, kind: 'whatif', steps } }]);
  assert.equal(row?.kind, 'what-if');
  const [wizard] = runRows([{ ok: true, overview: { ...overview, kind: 'train', steps } }]);
  assert.equal(wizard?.kind, 'benchmark');
});
