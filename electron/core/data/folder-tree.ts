import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../util/errors';
import type { SourceFile, SourceTree } from './source-tree';
import { addDirWithParents, isJunkPath } from './source-tree';

const MAX_DEPTH = 32;

/**
 * Lists the files under `root`; contents are read on demand. Symbolic links are followed: it is the user's own
 * folder, unlike an archive from elsewhere.
 */
export async function readFolderTree(root: string): Promise<SourceTree> {
  const files: SourceFile[] = [];
  const dirs = new Set<string>(['']);
  const visit = async (relative: string, depth: number): Promise<void> => {
    const folder = join(root, relative);
    if (depth > MAX_DEPTH) throw new UserError('DATA_UNRECOGNIZED', `${folder} is nested too deeply (a symbolic link loop?).`);
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: Error) => {
      throw unreadable(folder, error);
    });
    const paths = entries
      .map((entry) => (relative === '' ? entry.name : `${relative}/${entry.name}`))
      .filter((p) => !isJunkPath(p));
    const infos = await Promise.all(paths.map((path) => stat(join(root, path)).catch(() => undefined)));
    for (const [i, path] of paths.entries()) {
      const info = infos[i];
      if (info?.isDirectory()) {
        addDirWithParents(dirs, path);
        await visit(path, depth + 1);
      } else if (info?.isFile()) {
        const absolute = join(root, path);
        files.push({
          path,
          size: info.size,
          read: () =>
            readFile(absolute).catch((error: Error) => {
              throw unreadable(absolute, error);
            }),
        });
      }
    }
  };
  await visit('', 0);
  return { origin: root, kind: 'folder', files, dirs };
}

function unreadable(path: string, error: Error): UserError {
  return new UserError('DATA_UNREADABLE', `Cannot read ${path}: ${error.message}`, 'Check that it exists and is readable.');
}
