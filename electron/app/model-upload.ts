import { randomBytes } from 'node:crypto';
import type { ImportInput } from '../core/import/read-formats';
import { UserError } from '../core/util/errors';

/** All files of one upload together (a TF.js model.json with its shards, or one .keras / .h5). */
const MAX_UPLOAD_BYTES = 1 << 30;
const MAX_UPLOADS = 8;

/**
 * Model files uploaded from the browser in chunks (one WebSocket message is at most 1 MiB), kept in memory until
 * `model.import` reads them; the oldest upload is dropped when too many are open.
 */
export class ModelUploads {
  readonly #uploads = new Map<string, { files: Map<string, Uint8Array[]>; bytes: number }>();

  start(): string {
    const id = randomBytes(12).toString('hex');
    this.#uploads.set(id, { files: new Map(), bytes: 0 });
    while (this.#uploads.size > MAX_UPLOADS) this.#uploads.delete(this.#uploads.keys().next().value!);
    return id;
  }

  append(id: string, name: string, chunk: Uint8Array): number {
    const upload = this.#uploads.get(id);
    if (!upload) throw new UserError('UPLOAD_NOT_FOUND', `No upload '${id}' (it expired or was already imported)`, 'Open the model again.');
    upload.bytes += chunk.byteLength;
    if (upload.bytes > MAX_UPLOAD_BYTES) {
      this.#uploads.delete(id);
      throw new UserError('UPLOAD_TOO_LARGE', `The model files are larger than ${MAX_UPLOAD_BYTES} bytes`, 'Import it with the CLI: sparse-studio import FILE.');
    }
    upload.files.set(name, [...(upload.files.get(name) ?? []), chunk]);
    return upload.bytes;
  }

  /** The upload as import input (`main` is the model file; the others are its shards); the upload is then forgotten. */
  take(id: string, main: string): ImportInput {
    const upload = this.#uploads.get(id);
    if (!upload) throw new UserError('UPLOAD_NOT_FOUND', `No upload '${id}' (it expired or was already imported)`, 'Open the model again.');
    this.#uploads.delete(id);
    const joined = new Map([...upload.files].map(([name, chunks]) => [name, Buffer.concat(chunks)]));
    const bytes = joined.get(main);
    if (!bytes) throw new UserError('IMPORT_NOT_FOUND', `The upload has no file '${main}'`, `Uploaded: ${[...joined.keys()].join(', ')}`);
    return {
      fileName: main,
      bytes: new Uint8Array(bytes),
      readSibling: async (name) => {
        const shard = joined.get(name);
        return shard && new Uint8Array(shard);
      },
    };
  }
}
