import { test } from 'node:test';
import assert from 'node:assert/strict';
import { benchmarkJobConfig, convertJobConfig, pruneJobConfig, trainJobConfig } from '../../shared/contract';
import {
  buildBenchmarkConfig,
  buildConvertConfig,
  buildPruneConfig,
  buildTrainConfig,
  DEFAULT_BENCHMARK_FORM,
  joinPath,
  newRunName,
} from '../../renderer/src/state/job-configs';
import { GUIDE_SCHEDULE } from '../../renderer/src/state/schedule-points';

test('the Train screen config passes the contract schema (strict: no extra fields)', () => {
  const form = { epochs: 3, batchSize: 64, limit: undefined, seed: 7, backend: 'auto' as const, trainThreads: 'auto' as const };
  const config = buildTrainConfig(form, 'sample', 'baseline-keepdims', '/home/me/runs/run-1');
  assert.deepEqual(trainJobConfig.parse(config), config);
  const limited = buildTrainConfig({ ...form, limit: 200 }, '/data/cifar', 'baseline', '/r');
  assert.equal(trainJobConfig.parse(limited).limit, 200);
  // The threads field: 'auto' or a count within the contract's limits.
  assert.equal(trainJobConfig.parse(buildTrainConfig({ ...form, trainThreads: 3 }, 'sample', 'baseline', '/r')).trainThreads, 3);
  assert.throws(() => trainJobConfig.parse(buildTrainConfig({ ...form, trainThreads: 0 }, 'sample', 'baseline', '/r')));
  assert.throws(() => trainJobConfig.parse({ ...config, extra: 1 }));
});

test('paths and run names', () => {
  assert.equal(joinPath('/home/me/runs', 'run-1'), '/home/me/runs/run-1');
  assert.equal(joinPath('/home/me/runs/', 'run-1'), '/home/me/runs/run-1');
  assert.equal(joinPath('C:\\Users\\me\\runs', 'run-1'), 'C:\\Users\\me\\runs\\run-1');
  assert.equal(newRunName(new Date(2026, 10, 27, 9, 5, 3)), 'run-20261127-090503');
});

test('prune, convert and benchmark configs pass the contract schemas', () => {
  const prune = buildPruneConfig(GUIDE_SCHEDULE, {
    runDir: '/r',
    data: 'sample',
    fix: true,
    limit: 100,
    seed: 1,
    backend: 'auto',
    trainThreads: 2,
  });
  assert.deepEqual(pruneJobConfig.parse(prune), prune);
  assert.equal(prune.trainThreads, 2);
  assert.equal(prune.from, '/r');
  assert.equal(prune.out, '/r', 'pruning happens in the trained run folder');
  assert.equal(prune.finalSparsity, 0.75);
  const convert = buildConvertConfig({ runDir: '/r', data: 'sample', limit: undefined, backend: 'fast-cpu' });
  assert.deepEqual(convertJobConfig.parse(convert), convert);
  const bench = buildBenchmarkConfig(DEFAULT_BENCHMARK_FORM, { runDir: '/r', devices: ['host', '127.0.0.1:5601'] });
  assert.deepEqual(benchmarkJobConfig.parse(bench), bench);
  assert.throws(
    () => benchmarkJobConfig.parse(buildBenchmarkConfig(DEFAULT_BENCHMARK_FORM, { runDir: '/r', devices: [] })),
    'no device chosen',
  );
});
