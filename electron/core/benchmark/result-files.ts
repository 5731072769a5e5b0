import { join } from 'node:path';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic-write';

/** A file-name-safe form of a serial or model name (`127.0.0.1:5555` -> `127.0.0.1_5555`). */
export function safeName(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^\.+/, '_')
    .slice(0, 120);
}

export function runFileStem(outDir: string, deviceId: string, model: string, repetition: number): string {
  const base = model.split(/[\\/]/).pop() ?? model;
  return join(outDir, safeName(deviceId), `${safeName(base.replace(/\.tflite$/i, ''))}.r${repetition}`);
}

/** Writes the raw tool output beside the run's JSON; returns its path. */
export async function writeRawOutput(stem: string, raw: string): Promise<string> {
  const path = `${stem}.output.txt`;
  await writeFileAtomic(path, raw);
  return path;
}

export async function writeRunJson(stem: string, record: unknown): Promise<string> {
  const path = `${stem}.json`;
  await writeJsonAtomic(path, record);
  return path;
}
