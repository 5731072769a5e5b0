import type { SparseStudioApi } from '../../../shared/contract';
import type { ImportSummary } from '../../../electron/core/import/import-run';

/** Raw bytes per model.upload call: base64 makes it 4/3 larger, under the transport's 1 MiB message limit. */
const CHUNK_BYTES = 600 * 1024;

function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The model file among the chosen ones: a .keras or .h5, else the .json (its shards are the other files). */
export function mainModelFile(names: string[]): string | undefined {
  return (
    names.find((n) => /\.(keras|h5|hdf5)$/i.test(n)) ?? names.find((n) => n === 'model.json') ?? names.find((n) => n.endsWith('.json'))
  );
}

/** Uploads the chosen files in chunks and imports them into a new run folder of the workspace. */
export async function uploadAndImport(api: SparseStudioApi, files: File[]): Promise<ImportSummary> {
  const main = mainModelFile(files.map((f) => f.name));
  if (!main) throw Object.assign(new Error('Choose a .keras, .h5 or TF.js model.json file (with its .bin shards)'), { code: 'IMPORT_NO_MODEL_FILE' });
  const { uploadId } = await api.invoke('model.upload', {});
  for (const file of files) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    for (let at = 0; at < Math.max(bytes.length, 1); at += CHUNK_BYTES)
      await api.invoke('model.upload', { uploadId, name: file.name, base64: base64(bytes.subarray(at, at + CHUNK_BYTES)) });
  }
  return api.invoke('model.import', { uploadId, main });
}
