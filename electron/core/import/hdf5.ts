// HDF5 through h5wasm (the HDF5 C library in WebAssembly): files live in its in-memory file system only while used.
import h5wasm, { type Dataset, type File as H5File, type Group } from 'h5wasm';
import { randomBytes } from 'node:crypto';
import { UserError } from '../util/errors';

export type { Dataset, Group, H5File };

async function fs(): Promise<NonNullable<Awaited<typeof h5wasm.ready>['FS']>> {
  const module = await h5wasm.ready;
  return module.FS;
}

const scratchName = (): string => `/sparse-studio-${randomBytes(8).toString('hex')}.h5`;

/** Opens `bytes` as an HDF5 file for `read`; `file` names it in errors. The in-memory copy is removed afterwards. */
export async function readH5<T>(bytes: Uint8Array, file: string, read: (h5: H5File) => T): Promise<T> {
  const memfs = await fs();
  const path = scratchName();
  memfs.writeFile(path, bytes);
  let h5: H5File | undefined;
  try {
    try {
      h5 = new h5wasm.File(path, 'r');
    } catch (error) {
      throw new UserError('IMPORT_BAD_FILE', `${file} is not a readable HDF5 file (${(error as Error).message})`, 'Save the model again with model.save().');
    }
    return read(h5);
  } finally {
    h5?.close();
    memfs.unlink(path);
  }
}

/** Builds an HDF5 file with `write` and returns its bytes. */
export async function writeH5(write: (h5: H5File) => void): Promise<Uint8Array> {
  const memfs = await fs();
  const path = scratchName();
  const h5 = new h5wasm.File(path, 'w');
  try {
    write(h5);
  } finally {
    h5.close();
  }
  try {
    return memfs.readFile(path);
  } finally {
    memfs.unlink(path);
  }
}

export function isGroup(entity: unknown): entity is Group {
  return entity instanceof h5wasm.Group;
}

export function isDataset(entity: unknown): entity is Dataset {
  return entity instanceof h5wasm.Dataset;
}

/** A string attribute (h5py writes str or bytes; h5wasm returns a string or a one-element array). */
export function stringAttribute(entity: Group | Dataset, name: string): string | undefined {
  const attribute = entity.attrs[name];
  if (!attribute) return undefined;
  const value = attribute.value;
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string' && value.length === 1) return value[0];
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return undefined;
}

/** A list-of-strings attribute (Keras' layer_names, weight_names). */
export function stringListAttribute(entity: Group | Dataset, name: string): string[] | undefined {
  const attribute = entity.attrs[name];
  if (!attribute) return undefined;
  const value = attribute.value;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map((v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v)));
  return undefined;
}

/** A numeric dataset as float32 values with its shape; `where` names it in errors. */
export function floatDataset(dataset: Dataset, where: string): { shape: number[]; values: Float32Array } {
  const value = dataset.value;
  const shape = dataset.shape ?? [];
  if (!ArrayBuffer.isView(value) && typeof value !== 'number')
    throw new UserError('IMPORT_BAD_FILE', `${where} is not a numeric array (dtype ${JSON.stringify(dataset.dtype)})`);
  const values = typeof value === 'number' ? Float32Array.of(value) : Float32Array.from(value as ArrayLike<number>);
  return { shape, values };
}
