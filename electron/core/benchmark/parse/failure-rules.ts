import type { BenchmarkFailure, BenchmarkFailureKind } from './types';

/** A failure recognised from one output line. Rules are listed most specific first. */
export interface FailureRule {
  kind: BenchmarkFailureKind;
  pattern: RegExp;
  describe(match: RegExpExecArray): { message: string; hint: string };
}

const PUSH_HINT =
  'Push benchmark_model to /data/local/tmp with mode 0755 (not /sdcard, which is mounted noexec) and run it from there.';

/** Failures printed by the device shell before benchmark_model even starts. */
export const SHELL_RULES: FailureRule[] = [
  {
    kind: 'binary-wrong-abi-64bit',
    pattern: /^(?:.*?: )?(\S+): not executable: 64-bit ELF file/,
    describe: (m) => ({
      message: `${m[1]} is a 64-bit program and this device can only run 32-bit programs (armeabi-v7a userland).`,
      hint: 'Use android_arm_benchmark_model (the armeabi-v7a build) for this device.',
    }),
  },
  {
    kind: 'binary-wrong-abi-32bit',
    pattern: /^(?:.*?: )?(\S+): not executable: 32-bit ELF file/,
    describe: (m) => ({
      message: `${m[1]} is a 32-bit program and this device has no 32-bit userland (64-bit only SoC).`,
      hint: 'Use android_aarch64_benchmark_model (the arm64-v8a build) for this device.',
    }),
  },
  {
    kind: 'binary-permission-denied',
    pattern: /^(?:.*?: )?(\S+): (?:can't execute: )?Permission denied/,
    describe: (m) => ({
      message: `The device refused to run ${m[1]}: Permission denied (no execute bit, or a noexec location).`,
      hint: PUSH_HINT,
    }),
  },
  {
    kind: 'binary-not-found',
    pattern: /^(?:.*?: )?(\S+): (?:inaccessible or not found|not found|No such file or directory)$/,
    describe: (m) => ({
      message: `${m[1]} was not found on the device (or could not be opened).`,
      hint: 'Push benchmark_model again (it may have been removed) and check the device path; ' + PUSH_HINT,
    }),
  },
];

const GRAPH_HINT = 'Push the .tflite file again to the device folder and pass that exact path to --graph.';
const NEWER_BINARY_HINT =
  'Use a newer benchmark_model (the nightly build supports the newest op versions) or convert the model with the TensorFlow version that matches your binary.';

/** Failures reported by benchmark_model or the TFLite runtime. */
export const TOOL_RULES: FailureRule[] = [
  {
    kind: 'model-not-found',
    pattern: /(?:Could not open '(.+?)'|Failed to mmap model (.+)|Failed to load model (.+))/,
    describe: (m) => ({
      message: `benchmark_model could not open the model ${(m[1] ?? m[2] ?? m[3] ?? '').trim()}.`,
      hint: GRAPH_HINT,
    }),
  },
  {
    kind: 'missing-graph-flag',
    pattern: /Please specify the name of your TF Lite input file with --graph/,
    describe: () => ({
      message: 'benchmark_model was started without --graph.',
      hint: 'Pass --graph=<path to the .tflite on the device>.',
    }),
  },
  {
    kind: 'unsupported-op-version',
    pattern: /Didn't find op for builtin opcode '(\w+)' version '(\d+)'/,
    describe: (m) => ({
      message: `This benchmark_model does not know version ${m[2]} of the ${m[1]} op used by the model (the binary is older than the converter).`,
      hint: NEWER_BINARY_HINT,
    }),
  },
  {
    kind: 'unsupported-custom-op',
    pattern: /(?:Encountered unresolved custom op: ([^.\s]+)|Didn't find custom op for name '(.+?)')/,
    describe: (m) => ({
      message: `The model uses the custom op ${m[1] ?? m[2]}, which this benchmark_model does not include.`,
      hint: 'Select TensorFlow ops need the *_benchmark_model_plus_flex build; otherwise convert the model with TFLite builtin ops only.',
    }),
  },
  {
    kind: 'unsupported-op',
    pattern: /Didn't find op for builtin opcode '(\w+)'/,
    describe: (m) => ({
      message: `This benchmark_model does not support the ${m[1]} op used by the model.`,
      hint: NEWER_BINARY_HINT,
    }),
  },
  {
    kind: 'cpu-fallback-disallowed',
    pattern: /Disallowed CPU fallback detected/,
    describe: () => ({
      message:
        'The delegate could not run the whole graph and --require_full_delegation=true forbids running the rest on the CPU.',
      hint: 'Drop --require_full_delegation or use a delegate that supports every op in the model.',
    }),
  },
  {
    kind: 'delegate-failed',
    pattern:
      /(?:Failed to apply (\S+) delegate|Node number \d+ \((TfLite\w*Delegate\w*)\) failed to (?:prepare|invoke)|(NN API) returned error (\S+)|(TfLiteGpuDelegate)\w* Init|Restored original execution plan after (delegate) application failure)/,
    describe: (m) => ({
      message: `The ${m[1] ?? m[2] ?? (m[3] ? 'NNAPI' : undefined) ?? m[5] ?? 'hardware'} delegate failed on this model${m[4] ? ` (${m[4]})` : ''}.`,
      hint: 'Run with the CPU (XNNPACK) instead, or check that the device supports this delegate (drivers, Android version).',
    }),
  },
  {
    kind: 'prepare-failed',
    pattern: /Node number (\d+) \((\w+)\) failed to prepare/,
    describe: (m) => ({
      message: `Node ${m[1]} (${m[2]}) failed to prepare: the runtime cannot run this op with these shapes or options.`,
      hint: 'Check the model in a viewer (shapes, op options); a newer benchmark_model may support it.',
    }),
  },
  {
    kind: 'invoke-failed',
    pattern: /(?:Node number (\d+) \((\w+)\) failed to invoke|Failed to invoke)/,
    describe: (m) => ({
      message: m[1] ? `Node ${m[1]} (${m[2]}) failed while running the model.` : 'Running the model failed.',
      hint: 'Try without delegates (--use_xnnpack=false) to see whether a delegate is at fault, and check the model.',
    }),
  },
  {
    kind: 'allocate-failed',
    pattern: /Failed to allocate tensors/,
    describe: () => ({
      message: 'The runtime could not allocate the model tensors.',
      hint: 'The model may need more memory than the device has free, or have a dynamic shape: close other apps or pass --input_layer_shape.',
    }),
  },
  {
    kind: 'registration-failed',
    pattern: /(?:Registration failed|Failed to initialize the interpreter|Failed to construct interpreter)/,
    describe: () => ({ message: 'benchmark_model could not build an interpreter for this model.', hint: NEWER_BINARY_HINT }),
  },
  {
    kind: 'invalid-flags',
    pattern: /^(?:usage: |Unparsable value|Unknown flag)/i,
    describe: () => ({
      message: 'benchmark_model rejected its command-line flags.',
      hint: "Check the flag names and values (--name=value) against this build's --help.",
    }),
  },
];

export function matchRules(rules: FailureRule[], lines: string[]): BenchmarkFailure | undefined {
  for (const rule of rules) {
    for (const line of lines) {
      const match = rule.pattern.exec(line);
      if (match) return { kind: rule.kind, ...rule.describe(match), evidence: line.trim() };
    }
  }
  return undefined;
}
