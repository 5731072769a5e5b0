import { z } from 'zod';
import { reportSchema } from './schema';
import type { Report } from './types';
import { UserError } from '../util/errors';

export const REPORT_SCHEMA_ID = 'https://sparse-studio.local/schemas/report.v1.schema.json';

/** The JSON Schema (draft 2020-12) of the report, as committed in resources/schemas/report.v1.schema.json. */
export function reportJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(reportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $id: REPORT_SCHEMA_ID, title: 'Sparse Studio comparison report, version 1', ...schema };
}

/** Checks a report read back from disk; names the first offending field. */
export function parseReport(value: unknown, source = 'report'): Report {
  const parsed = reportSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new UserError(
    'REPORT_INVALID',
    `${source} does not match the report schema v1 at ${issue?.path.join('.') || '(top)'}: ${issue?.message ?? parsed.error.message}`,
    'Regenerate it with `sparse-studio report RUN_DIR --format json`.',
  );
}
