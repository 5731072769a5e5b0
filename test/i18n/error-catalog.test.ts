// Every error code the core, the CLI or the transport can report has a title and advice in both languages, and
// the catalog names no code that nothing reports. Codes are read from the source: `new UserError('CODE'`,
// `code: 'CODE'`, and the BENCHMARK_<KIND> codes of every benchmark_model failure kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorsEn } from '../../shared/i18n/errors-en';
import { errorsTh } from '../../shared/i18n/errors-th';
import { createI18n } from '../../shared/i18n/i18n';
import { errorText } from '../../shared/i18n/error-text';
import { formatCliError } from '../../electron/cli/cli-error';
import { UserError } from '../../electron/core/util/errors';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry) ? [path] : [];
  });
}

function reportedCodes(): Set<string> {
  const codes = new Set(['INTERNAL']);
  for (const file of ['electron', 'shared', 'renderer/src'].flatMap((d) => sources(join(root, d)))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/new UserError\(\s*'([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\bcode: '([A-Z][A-Z0-9_]+)'/g)) codes.add(m[1]!);
  }
  const types = readFileSync(join(root, 'electron/core/benchmark/parse/types.ts'), 'utf8');
  const union = /export type BenchmarkFailureKind =([^;]+);/.exec(types)?.[1] ?? '';
  const kinds = [...union.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]!);
  assert.ok(kinds.length > 10, 'benchmark failure kinds found');
  for (const kind of kinds) codes.add(`BENCHMARK_${kind.replace(/-/g, '_').toUpperCase()}`);
  return codes;
}

test('every reported error code has a title and advice in English and Thai, and no entry is stale', () => {
  const codes = reportedCodes();
  assert.ok(codes.size > 100, `${codes.size} codes found`);
  const missing = (catalog: object) => [...codes].filter((c) => !Object.hasOwn(catalog, c)).sort();
  assert.deepEqual(missing(errorsEn), [], 'missing in errors-en.ts');
  assert.deepEqual(missing(errorsTh), [], 'missing in errors-th.ts');
  assert.deepEqual(
    Object.keys(errorsEn).filter((c) => !codes.has(c)),
    [],
    'no error reports these codes',
  );
  for (const [code, entry] of Object.entries(errorsTh) as [string, { title: string; todo: string }][]) {
    assert.match(entry.title, /[\u0E00-\u0E7F]/, `${code}.title is not Thai`);
    assert.match(entry.todo, /[\u0E00-\u0E7F]/, `${code}.todo is not Thai`);
  }
});

test('an unknown code falls back to the INTERNAL entry; the CLI prints the Thai title with the core message', () => {
  const th = createI18n('th');
  assert.deepEqual(errorText(th, 'NO_SUCH_CODE'), errorText(th, 'INTERNAL'));
  assert.equal(errorText(th, 'DEVICE_UNAUTHORIZED').title, errorsTh.DEVICE_UNAUTHORIZED.title);
  assert.equal(errorText(createI18n('en'), 'DEVICE_UNAUTHORIZED').title, errorsEn.DEVICE_UNAUTHORIZED.title);

  const error = new UserError('DEVICE_UNAUTHORIZED', 'R58M has not allowed USB debugging from this computer');
  assert.equal(formatCliError(error, 'en'), 'Error: R58M has not allowed USB debugging from this computer\n');
  const thai = formatCliError(error, 'th');
  assert.ok(thai.startsWith(`ข้อผิดพลาด: ${errorsTh.DEVICE_UNAUTHORIZED.title}\n${errorsTh.DEVICE_UNAUTHORIZED.todo}\n`), thai);
  assert.match(thai, /\n {2}R58M has not allowed USB debugging from this computer\n$/);
});
