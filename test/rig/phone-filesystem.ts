import { posix } from 'node:path';

export interface PhoneFile {
  data: Buffer;
  mode: number;
  mtime: number;
}

/** An in-memory file tree standing in for the phone's storage. Paths are absolute POSIX paths. */
export class PhoneFilesystem {
  readonly files = new Map<string, PhoneFile>();
  readonly dirs = new Set<string>(['/']);
  /** Directories mounted noexec (like /sdcard): files under them never execute. */
  readonly noexec = new Set<string>();

  constructor(initial: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(initial)) this.writeFile(path, Buffer.from(text), 0o644);
  }

  static resolve(cwd: string, path: string): string {
    return posix.resolve(cwd, path);
  }

  mkdirp(path: string): void {
    let dir = posix.normalize(path);
    const missing: string[] = [];
    while (!this.dirs.has(dir)) {
      missing.push(dir);
      dir = posix.dirname(dir);
    }
    for (const d of missing) this.dirs.add(d);
  }

  writeFile(path: string, data: Buffer, mode: number): void {
    this.mkdirp(posix.dirname(path));
    this.files.set(path, { data, mode, mtime: Math.floor(Date.now() / 1000) });
  }

  isDir(path: string): boolean {
    return this.dirs.has(posix.normalize(path));
  }

  /** Removes a file, or a directory with everything under it. Returns false when nothing was there. */
  remove(path: string, recursive: boolean): boolean {
    if (this.files.delete(path)) return true;
    if (!this.dirs.has(path) || path === '/') return false;
    const children = [...this.files.keys(), ...this.dirs].filter((p) => p.startsWith(path + '/'));
    if (children.length > 0 && !recursive) return false;
    for (const child of children) {
      this.files.delete(child);
      this.dirs.delete(child);
    }
    this.dirs.delete(path);
    return true;
  }

  list(dir: string): string[] {
    const prefix = dir === '/' ? '/' : dir + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
    }
    return [...names].sort();
  }

  isNoexec(path: string): boolean {
    return [...this.noexec].some((dir) => path === dir || path.startsWith(dir + '/'));
  }

  /** Every path (files and directories) whose last component is `name`. */
  findByName(name: string): string[] {
    return [...this.files.keys(), ...this.dirs].filter((p) => posix.basename(p) === name);
  }
}
