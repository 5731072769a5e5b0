import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SourceTree } from './source-tree';

/** Hex digests of a file's bytes, read once for all the requested algorithms. */
export async function hashFile<A extends string>(path: string, algorithms: readonly A[]): Promise<Record<A, string>> {
  const hashes = algorithms.map((algorithm) => createHash(algorithm));
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    for (const hash of hashes) hash.update(chunk as Buffer);
  }
  return Object.fromEntries(algorithms.map((algorithm, i) => [algorithm, hashes[i]!.digest('hex')])) as Record<A, string>;
}

/** sha256 over the relative path, size and bytes of every file of a folder, in path order. */
export async function hashTree(tree: SourceTree, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  const files = [...tree.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const window = 64;
  for (let start = 0; start < files.length; start += window) {
    signal?.throwIfAborted();
    const group = files.slice(start, start + window);
    const contents = await Promise.all(group.map((file) => file.read()));
    group.forEach((file, i) => {
      const bytes = contents[i]!;
      hash.update(`${file.path}\0${bytes.length}\0`);
      hash.update(bytes);
    });
  }
  return hash.digest('hex');
}
