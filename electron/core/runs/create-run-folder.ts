import { access, constants, mkdir, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UserError } from '../util/errors';

const REASONS: Record<string, string> = {
  ENOTDIR: 'is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (a read-only or virtual file system?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  ENOENT: 'the file system does not allow creating folders there (a virtual file system such as /proc?)',
};

function cannotCreate(dir: string, reason: string): UserError {
  return new UserError('RUN_DIR_UNWRITABLE', `cannot create run folder ${dir}: ${reason}`, 'Choose another --out folder.');
}

/**
 * Creates a run folder, checking the way first: the nearest existing ancestor must be a writable folder, and each
 * missing level is made one at a time. (`mkdir -p` under /proc never returns: it retries the ENOENT forever.)
 */
export async function createRunFolder(path: string): Promise<string> {
  const dir = resolve(path);
  const missing: string[] = [];
  let existing = dir;
  for (;;) {
    const info = await stat(existing).catch((error: NodeJS.ErrnoException) => error);
    if (!(info instanceof Error)) {
      if (!info.isDirectory()) throw cannotCreate(dir, `${existing} ${REASONS.ENOTDIR}`);
      break;
    }
    // ENOTDIR: some ancestor is a file; going up finds it and names it.
    if (info.code !== 'ENOENT' && info.code !== 'ENOTDIR') throw cannotCreate(dir, `${existing}: ${REASONS[info.code ?? ''] ?? info.message}`);
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) throw cannotCreate(dir, 'no part of the path exists');
    existing = parent;
  }
  await access(existing, constants.W_OK).catch((error: NodeJS.ErrnoException) => {
    throw cannotCreate(dir, `${existing}: ${REASONS[error.code ?? ''] ?? error.message}`);
  });
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST') return;
      throw cannotCreate(dir, `${level}: ${REASONS[error.code ?? ''] ?? error.message}`);
    });
  }
  return dir;
}
