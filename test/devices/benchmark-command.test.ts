import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { benchmarkFlags, benchmarkShellCommand } from '../../electron/core/benchmark/benchmark-command';
import { runOrder } from '../../electron/core/benchmark/run-order';

const FLAGS = { numRuns: 100, warmupRuns: 1, numThreads: 1, useXnnpack: 'default' as const, enableOpProfiling: false };

describe('benchmark command', () => {
  it('maps every option to benchmark_model flags', () => {
    const table: [Parameters<typeof benchmarkFlags>[1], string[]][] = [
      [FLAGS, ['--graph=/d/m.tflite', '--num_runs=100', '--warmup_runs=1', '--num_threads=1']],
      [
        { ...FLAGS, useXnnpack: 'false' },
        ['--graph=/d/m.tflite', '--num_runs=100', '--warmup_runs=1', '--num_threads=1', '--use_xnnpack=false'],
      ],
      [
        { ...FLAGS, useXnnpack: 'true', enableOpProfiling: true, runDelaySeconds: 0.5, numThreads: 4 },
        [
          '--graph=/d/m.tflite',
          '--num_runs=100',
          '--warmup_runs=1',
          '--num_threads=4',
          '--use_xnnpack=true',
          '--enable_op_profiling=true',
          '--run_delay=0.5',
        ],
      ],
    ];
    for (const [flags, expected] of table) assert.deepEqual(benchmarkFlags('/d/m.tflite', flags), expected);
  });

  it('prints the PID from an inner sh and the exit status from the outer one, with taskset when pinned', () => {
    const command = benchmarkShellCommand('/data/local/tmp/sparse-studio', '/data/local/tmp/sparse-studio/m.tflite', {
      ...FLAGS,
      bigCoresMask: 'f0',
    });
    assert.equal(
      command,
      `cd '/data/local/tmp/sparse-studio' && sh -c 'echo __PID=$$; exec '\\''taskset'\\'' '\\''f0'\\'' '\\''./benchmark_model'\\'' '\\''--graph=/data/local/tmp/sparse-studio/m.tflite'\\'' '\\''--num_runs=100'\\'' '\\''--warmup_runs=1'\\'' '\\''--num_threads=1'\\'''; echo __RC=$?`,
    );
  });

  it('alternates models across repetitions (A B A B)', () => {
    assert.deepEqual(
      runOrder(['A', 'B'], 2).map((r) => `${r.item}${r.repetition}`),
      ['A0', 'B0', 'A1', 'B1'],
    );
    assert.deepEqual(runOrder(['A'], 0), []);
  });
});
