import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function describeLocalFile(path: string): Promise<{ path: string; bytes: number; sha256: string }> {
  const info = await stat(path);
  return { path, bytes: info.size, sha256: await sha256File(path) };
}
