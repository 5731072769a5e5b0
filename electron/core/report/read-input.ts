import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

export type InputResult<T> = { ok: true; value: T } | { ok: false; missing: boolean; detail: string };

/** Reads and checks one JSON input; never throws, so the report can say what is missing and go on. */
export async function readInput<S extends z.ZodType>(path: string, schema: S): Promise<InputResult<z.infer<S>>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { ok: false, missing, detail: missing ? 'not found' : (error as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, missing: false, detail: `not valid JSON: ${(error as Error).message}` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || '(top)'}: ${first.message}` : parsed.error.message;
    return { ok: false, missing: false, detail: `unexpected content at ${where}` };
  }
  return { ok: true, value: parsed.data };
}
