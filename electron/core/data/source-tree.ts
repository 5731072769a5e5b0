/** One regular file of a data source: a folder on disk or an archive read into memory. */
export interface SourceFile {
  /** Relative to the source root, `/`-separated, normalised. */
  path: string;
  size: number;
  read(): Promise<Uint8Array>;
  /** Drops bytes held in memory once the caller has used them (archives only). */
  release?(): void;
}

/** The files (and folders, so empty ones are seen) of a data source. */
export interface SourceTree {
  /** The folder or archive path, for messages. */
  origin: string;
  kind: 'folder' | 'archive';
  files: SourceFile[];
  /** Every folder, explicit or implied by a file path ('' is the root). */
  dirs: Set<string>;
}

/** How a file is named in messages: `folder/a/b.jpg` or `archive.tar.gz: a/b.jpg`. */
export function describeFile(tree: SourceTree, path: string): string {
  return tree.kind === 'archive' ? `${tree.origin}: ${path}` : `${tree.origin}/${path}`;
}

/** Adds `dir` and all its parents to `dirs`. */
export function addDirWithParents(dirs: Set<string>, dir: string): void {
  let current = dir;
  while (current !== '' && !dirs.has(current)) {
    dirs.add(current);
    const cut = current.lastIndexOf('/');
    current = cut < 0 ? '' : current.slice(0, cut);
  }
  dirs.add('');
}

export function parentDir(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut < 0 ? '' : path.slice(0, cut);
}

/** Junk written by macOS and Windows next to real files. */
export function isJunkPath(path: string): boolean {
  return path
    .split('/')
    .some((part) => part.startsWith('.') || part === '__MACOSX' || part === 'Thumbs.db' || part === 'desktop.ini');
}
