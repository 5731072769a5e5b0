import { UserError } from '../util/errors';

/**
 * Normalises a path inside an archive to `a/b/c` (no `.`, no empty parts). Returns null when the path would land
 * outside the extraction folder: absolute (`/x`, `C:\x`, `\\server\x`) or climbing above the root with `..`.
 */
export function normalizeArchivePath(path: string): string | null {
  const slashed = path.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed) || slashed.includes('\0')) return null;
  return resolveParts([], slashed);
}

/** Resolves `relative` against the folder `base` (already normalised parts); null if it climbs above the root. */
function resolveParts(base: string[], relative: string): string | null {
  const parts = [...base];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else {
      parts.push(part);
    }
  }
  return parts.join('/');
}

/**
 * Where a link entry points, as a normalised archive path, or null if it points outside the root.
 * Symbolic links are relative to the link's folder; hard links are relative to the archive root (tar's convention).
 */
export function resolveLinkTarget(entryPath: string, linkPath: string, kind: 'symlink' | 'hardlink'): string | null {
  const slashed = linkPath.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[a-zA-Z]:/.test(slashed) || slashed.includes('\0')) return null;
  const base = kind === 'symlink' ? entryPath.split('/').slice(0, -1) : [];
  return resolveParts(base, slashed);
}

export function unsafeEntryError(archive: string, entryPath: string, linkPath?: string): UserError {
  const what = linkPath === undefined ? `entry "${entryPath}"` : `link "${entryPath}" -> "${linkPath}"`;
  return new UserError(
    'DATA_UNSAFE_ARCHIVE_ENTRY',
    `${archive}: refused ${what}: it would land outside the extraction folder.`,
    'Archives must hold relative paths only (no "/", drive letters or ".." that leave the top folder). Re-create the archive.',
  );
}
