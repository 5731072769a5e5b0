import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Parser, type ReadEntry } from 'tar';
import { UserError, errorMessage } from '../util/errors';
import { normalizeArchivePath, resolveLinkTarget, unsafeEntryError } from './archive-paths';
import type { SourceFile, SourceTree } from './source-tree';
import { addDirWithParents, isJunkPath, parentDir } from './source-tree';
import type { DatasetProgress } from './types';

/** No single file of a data set comes near this; larger entries are refused rather than buffered. */
const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

export interface ArchiveReadOptions {
  /** Which files to hold in memory (by normalised path); the others are skipped. All paths are still checked. */
  keep: (path: string) => boolean;
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);

/**
 * Reads a .tar.gz (or .tar) into memory without writing anything to disk. Every entry's path is checked first:
 * absolute paths, `..` that climb out of the top folder and links pointing outside are refused with an error naming
 * the entry. Links that stay inside resolve to the file they point to.
 */
export async function readArchiveTree(archive: string, options: ArchiveReadOptions): Promise<SourceTree> {
  const total = await stat(archive).then(
    (info) => info.size,
    (error: unknown) => {
      throw archiveError(archive, error);
    },
  );
  const contents = new Map<string, Uint8Array>();
  const links: { path: string; target: string }[] = [];
  const dirs = new Set<string>(['']);

  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(archive);
    let settled = false;
    const onAbort = (): void => fail(options.signal?.reason ?? new Error('aborted'));
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      input.destroy();
      reject(error);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted) return onAbort();

    const onEntry = (entry: ReadEntry): void => {
      if (settled) return void entry.resume();
      const path = normalizeArchivePath(entry.path);
      if (path === null) return fail(unsafeEntryError(archive, entry.path));
      if (entry.type === 'SymbolicLink' || entry.type === 'Link') {
        const linkPath = entry.linkpath ?? '';
        const target = resolveLinkTarget(path, linkPath, entry.type === 'Link' ? 'hardlink' : 'symlink');
        if (target === null) return fail(unsafeEntryError(archive, entry.path, linkPath));
        addDirWithParents(dirs, parentDir(path));
        links.push({ path, target });
        return void entry.resume();
      }
      if (entry.type === 'Directory') {
        addDirWithParents(dirs, path);
        return void entry.resume();
      }
      if (!FILE_TYPES.has(entry.type) || isJunkPath(path) || !options.keep(path)) {
        if (FILE_TYPES.has(entry.type)) addDirWithParents(dirs, parentDir(path));
        return void entry.resume();
      }
      if (entry.size > MAX_ENTRY_BYTES) {
        return fail(
          new UserError(
            'DATA_BAD_ARCHIVE',
            `${archive}: entry "${entry.path}" is ${entry.size} bytes, too large for a data set file.`,
          ),
        );
      }
      addDirWithParents(dirs, parentDir(path));
      const bytes = new Uint8Array(entry.size);
      let offset = 0;
      entry.on('data', (chunk: Buffer) => {
        bytes.set(chunk, offset);
        offset += chunk.length;
      });
      entry.on('end', () => contents.set(path, bytes));
    };

    const parser = new Parser({ strict: true, onReadEntry: onEntry });
    parser.on('error', (error: Error) => fail(archiveError(archive, error)));
    parser.on('end', () => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    input.on('error', (error) => fail(archiveError(archive, error)));
    let done = 0;
    input.on('data', (chunk) => {
      done += chunk.length;
      options.onProgress?.({ phase: 'extract', done, total, file: archive });
    });
    input.pipe(parser);
  });

  for (const link of links) {
    if (isJunkPath(link.path) || !options.keep(link.path)) continue;
    const bytes = followLinks(link.target, contents, links);
    if (bytes) contents.set(link.path, bytes);
  }
  const files = [...contents].map(([path, bytes]) => inMemoryFile(archive, path, bytes));
  contents.clear();
  return { origin: archive, kind: 'archive', files, dirs };
}

function inMemoryFile(archive: string, path: string, bytes: Uint8Array): SourceFile {
  let held: Uint8Array | undefined = bytes;
  return {
    path,
    size: bytes.length,
    read: async () => {
      if (!held) throw new Error(`${archive}: ${path} was already released`);
      return held;
    },
    release: () => {
      held = undefined;
    },
  };
}

/** The bytes a link chain ends at, if it ends at a regular file we kept. */
function followLinks(
  target: string,
  contents: Map<string, Uint8Array>,
  links: { path: string; target: string }[],
): Uint8Array | undefined {
  let current = target;
  for (let hops = 0; hops < 16; hops++) {
    const bytes = contents.get(current);
    if (bytes) return bytes;
    const next = links.find((link) => link.path === current);
    if (!next) return undefined;
    current = next.target;
  }
  return undefined;
}

function archiveError(archive: string, error: unknown): UserError {
  if (error instanceof UserError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new UserError('DATA_NOT_FOUND', `No file at ${archive}.`);
  return new UserError(
    'DATA_BAD_ARCHIVE',
    `${archive} could not be read as a .tar.gz archive: ${errorMessage(error)}`,
    'The file may be truncated or not a .tar.gz; download or create it again. A data set is a .tar.gz or a folder (for the binary release: the cifar-10-batches-bin folder, not one .bin file).',
  );
}
