import { UserError } from '../core/util/errors';
import type { ParsedValues } from './command';
import { stringOption } from './options';

/** The benchmark options shared by `bench` and `pipeline`, declared once. */
export const BENCHMARK_OPTIONS = {
  device: { type: 'string', multiple: true },
  runs: { type: 'string' },
  warmup: { type: 'string' },
  threads: { type: 'string' },
  repeat: { type: 'string' },
  xnnpack: { type: 'string' },
  'op-profiling': { type: 'boolean' },
  'big-cores': { type: 'boolean' },
  binary: { type: 'string' },
  'adb-server': { type: 'string' },
} as const;

/** `--xnnpack true|false|default` (benchmark_model's --use_xnnpack, or the build's default delegate). */
export function xnnpackOption(values: ParsedValues): 'true' | 'false' | 'default' {
  const value = stringOption(values, 'xnnpack') ?? 'default';
  if (value !== 'true' && value !== 'false' && value !== 'default')
    throw new UserError('BAD_OPTION', `--xnnpack must be true, false or default, got '${value}'`);
  return value;
}
