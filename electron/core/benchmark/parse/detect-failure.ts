import { matchRules, SHELL_RULES, TOOL_RULES } from './failure-rules';
import type { OutputLine } from './lines';
import type { BenchmarkFailure, ParsedBenchmarkOutput } from './types';

const CRASH_HINT =
  'Crashes usually come from a delegate or GPU driver: run again on the CPU only (no --use_gpu / --use_nnapi). If it still crashes, try the current nightly benchmark_model for this ABI.';

/**
 * Decides whether the output records a failure, and which. Shell-level failures come first (the tool never ran),
 * then crashes (the exit status or the shell's own words), then what the tool printed. A run that printed its
 * timings, exited 0 (or without a known status) and did not say `Benchmarking failed.` is a success even when a
 * delegate fell back to the CPU (that is reported as a warning).
 */
export function detectFailure(lines: OutputLine[], parsed: ParsedBenchmarkOutput): BenchmarkFailure | undefined {
  const texts = lines.map((l) => l.text);
  const hasResults = parsed.stats !== undefined || parsed.inferenceAvgUs !== undefined;
  // Once timings were printed the binary evidently ran, so shell wording elsewhere (a helper's `not found`) is no verdict.
  const shell = hasResults ? undefined : matchRules(SHELL_RULES, texts);
  if (shell) return shell;

  const lastError = parsed.errors[parsed.errors.length - 1];
  const crash = crashFailure(lines, parsed, lastError);
  if (crash) return crash;

  const saysFailed = texts.some((t) => /^Benchmarking failed\.?$/.test(t.trim()));
  const rc = parsed.exitStatus;
  if (hasResults && !saysFailed && (rc === undefined || rc === 0)) return undefined;

  const tool = matchRules(TOOL_RULES, texts);
  if (tool) return tool;
  if (saysFailed) {
    return {
      kind: 'benchmark-failed',
      message: `benchmark_model reported a failure${lastError ? `: ${lastError}` : ' without saying why'}.`,
      hint: 'Read the raw output kept with the run; run again with --verbose=true for more detail.',
      evidence: lastError ?? 'Benchmarking failed.',
    };
  }
  if (rc !== undefined && rc !== 0) {
    return {
      kind: 'nonzero-exit',
      message: `benchmark_model exited with status ${rc}${lastError ? ` after: ${lastError}` : ''}.`,
      hint: 'Read the raw output kept with the run; check the binary matches the device ABI and the flags are valid.',
    };
  }
  if (texts.every((t) => t.trim() === '')) {
    return {
      kind: 'empty-output',
      message: 'benchmark_model printed nothing.',
      hint: 'Check that the binary runs on the device (adb shell, then run it with --help).',
    };
  }
  return {
    kind: 'incomplete-output',
    message: `The output has no inference timings${parsed.opProfiles.length > 0 ? ' (only op-profiling tables)' : ''}: the run stopped early, or this is an excerpt of a longer output.`,
    hint: 'Keep the whole output (the summary line `Inference timings in us: ...` comes near the end) and import it again.',
  };
}

function crashFailure(
  lines: OutputLine[],
  parsed: ParsedBenchmarkOutput,
  lastError: string | undefined,
): BenchmarkFailure | undefined {
  const rc = parsed.exitStatus;
  const after = parsed.stats ? ' after printing its results' : '';
  const context = lastError ? ` Last error: ${lastError}` : '';
  const segv = lines.find((l) => /Segmentation fault/.test(l.text));
  if (segv || rc === 139) {
    return {
      kind: 'crashed-sigsegv',
      message: `benchmark_model crashed with a segmentation fault (SIGSEGV, exit status 139)${after}.${context}`,
      hint: CRASH_HINT,
      evidence: segv?.text.trim() ?? '__RC=139',
    };
  }
  const fatal = lines.find((l) => l.level === 'FATAL' || /^Aborted\b/.test(l.text.trim()));
  if (fatal || rc === 134) {
    const what = fatal?.level === 'FATAL' ? `: ${fatal.text.trim()}` : '';
    return {
      kind: 'aborted',
      message: `benchmark_model aborted (SIGABRT, exit status 134)${after}${what}.${fatal?.level === 'FATAL' ? '' : context}`,
      hint: CRASH_HINT,
      evidence: fatal?.text.trim() ?? '__RC=134',
    };
  }
  const killed = lines.find((l) => /^Killed\b/.test(l.text.trim()));
  if (killed || rc === 137) {
    return {
      kind: 'killed',
      message: `benchmark_model was killed (SIGKILL, exit status 137)${after}: it was cancelled, or Android's low-memory killer stopped it.`,
      hint: 'If you did not cancel the run, free memory on the device (close apps) or benchmark a smaller model.',
      evidence: killed?.text.trim() ?? '__RC=137',
    };
  }
  return undefined;
}
