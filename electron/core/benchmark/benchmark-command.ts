import type { BenchmarkFlags } from '../../../shared/benchmark-result';
import { shellCommand, shellQuote } from '../devices/shell-quote';

export const REMOTE_DIR = '/data/local/tmp/sparse-studio';
export const REMOTE_BINARY = 'benchmark_model';

/** benchmark_model's flags for one run (`--name=value`). */
export function benchmarkFlags(remoteModel: string, flags: BenchmarkFlags): string[] {
  const args = [
    `--graph=${remoteModel}`,
    `--num_runs=${flags.numRuns}`,
    `--warmup_runs=${flags.warmupRuns}`,
    `--num_threads=${flags.numThreads}`,
  ];
  if (flags.useXnnpack !== 'default') args.push(`--use_xnnpack=${flags.useXnnpack}`);
  if (flags.enableOpProfiling) args.push('--enable_op_profiling=true');
  if (flags.runDelaySeconds !== undefined) args.push(`--run_delay=${flags.runDelaySeconds}`);
  return args;
}

/**
 * The device shell command for one run. The inner `sh -c` prints its PID and execs the tool (so the PID is the
 * tool's, for cancelling); the outer shell then prints the exit status, which adbkit's shell cannot report.
 * Every argument goes through shellQuote, the inner script once more as a whole.
 */
export function benchmarkShellCommand(remoteDir: string, remoteModel: string, flags: BenchmarkFlags): string {
  const tool = [
    ...(flags.bigCoresMask ? ['taskset', flags.bigCoresMask] : []),
    `./${REMOTE_BINARY}`,
    ...benchmarkFlags(remoteModel, flags),
  ];
  const inner = `echo __PID=$$; exec ${shellCommand(tool)}`;
  return `cd ${shellQuote(remoteDir)} && sh -c ${shellQuote(inner)}; echo __RC=$?`;
}
