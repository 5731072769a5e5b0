import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../util/errors';
import type { ImportInput } from './read-formats';

/** A model file on disk as import input: a model.json (shards read next to it), a folder holding one, .keras or .h5. */
export async function importInputFromPath(path: string): Promise<ImportInput> {
  const info = await stat(path).catch(() => undefined);
  if (!info)
    throw new UserError('IMPORT_NOT_FOUND', `${path} does not exist`, 'Give a TF.js model.json (or its folder), a .keras or a .h5 file.');
  const file = info.isDirectory() ? join(path, 'model.json') : path;
  const bytes = await readFile(file).catch(() => {
    throw new UserError('IMPORT_NOT_FOUND', `${file} does not exist`, 'A folder must hold a TF.js model.json.');
  });
  const dir = dirname(file);
  return {
    fileName: basename(file),
    bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    readSibling: async (name) => {
      const shard = await readFile(join(dir, name)).catch(() => undefined);
      return shard && new Uint8Array(shard.buffer, shard.byteOffset, shard.byteLength);
    },
  };
}
