import { UserError } from '../../util/errors';
import type { BenchmarkFailure } from './types';

/** A tool failure as the UserError the CLI and app show: code `BENCHMARK_<KIND>`, message prefixed with where it ran. */
export function userErrorFromFailure(failure: BenchmarkFailure, where: string): UserError {
  const code = `BENCHMARK_${failure.kind.replace(/-/g, '_').toUpperCase()}`;
  return new UserError(code, `${where}: ${failure.message}`, failure.hint);
}
