import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_BENCHMARK_THREADS } from '../../electron/core/devices/device';
import { MAX_TRAIN_THREADS } from '../../electron/core/train/types';
import { benchmarkJobConfig, trainThreads } from '../../shared/contract';
import { cli } from './cli-io';

const base = { runDir: '/tmp/run', devices: ['host'], runs: 10, warmup: 1, repeat: 1, xnnpack: 'default', opProfiling: false };
const benchConfig = (threads: number) => ({ ...base, bigCores: false, cooldownSeconds: 0, timeoutSeconds: 60, threads });

test('benchmark threads: the CLI and the contract refuse the same value, naming the same core limit', async () => {
  const over = MAX_BENCHMARK_THREADS + 1;
  const contract = benchmarkJobConfig.safeParse(benchConfig(over));
  assert.equal(contract.success, false);
  assert.ok(contract.error!.issues.some((i) => i.path.join('.') === 'threads' && 'maximum' in i && i.maximum === MAX_BENCHMARK_THREADS));
  const atLimit = benchmarkJobConfig.safeParse(benchConfig(MAX_BENCHMARK_THREADS));
  assert.equal(atLimit.success, true, JSON.stringify(atLimit.error?.issues));
  for (const command of [
    ['bench', '--device', 'host', '--model', 'x.tflite', '--out', '/tmp/out-thread-limit'],
    ['whatif', 'x.tflite', '--device', 'host', '--out', '/tmp/out-thread-limit'],
  ]) {
    const run = await cli([...command, '--threads', String(over)]);
    assert.notEqual(run.code, 0, `${command[0]} accepted --threads ${over}`);
    assert.match(run.stderr, new RegExp(`--threads must be a whole number from 1 to ${MAX_BENCHMARK_THREADS}, got '${over}'`));
  }
});

test('training threads: the CLI and the contract refuse the same value with the same core limit', async () => {
  const over = MAX_TRAIN_THREADS + 1;
  assert.equal(trainThreads.safeParse(over).success, false);
  assert.equal(trainThreads.safeParse(MAX_TRAIN_THREADS).success, true);
  const run = await cli(['train', '--threads', String(over), '--out', '/tmp/out-thread-limit-train']);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, new RegExp(`--threads must be auto or a whole number from 1 to ${MAX_TRAIN_THREADS}, got '${over}'`));
});
