/**
 * Cuts the bundled sample out of the full CIFAR-10 JPEG archive:
 *   npx tsx scripts/make-sample.ts [../shared/datasets/cifar10-jpg.tar.gz]
 * Takes the first 200 training and 50 test images (by file name) of every class, keeps the archive's layout
 * (cifar10-jpg/{train,test}/<class>/NNNN.jpg) and writes resources/datasets/cifar10-sample.tar.gz.
 * The output is reproducible: sorted entries, no timestamps or owners.
 */
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { create } from 'tar';
import { readArchiveTree } from '../electron/core/data/archive-tree';
import { findImageFolderLayout } from '../electron/core/data/image-folder-layout';
import { isImagePath } from '../electron/core/data/image-decode';
import { sampleArchivePath } from '../electron/core/data/sample-path';
import { writeFileAtomic } from '../electron/core/util/atomic-write';
import { fileURLToPath } from 'node:url';

const PER_CLASS = { train: 200, test: 50 } as const;
const TOP_FOLDER = 'cifar10-jpg';

async function main(): Promise<void> {
  const source = process.argv[2] ?? fileURLToPath(new URL('../../shared/datasets/cifar10-jpg.tar.gz', import.meta.url));
  const tree = await readArchiveTree(source, { keep: isImagePath });
  const layout = findImageFolderLayout(tree);
  const picked: { path: string; bytes: Uint8Array }[] = [];
  for (const split of ['train', 'test'] as const) {
    for (const className of layout.classNames) {
      const prefix = `${layout.root === '' ? '' : `${layout.root}/`}${split}/${className}/`;
      const files = tree.files
        .filter((f) => f.path.startsWith(prefix) && isImagePath(f.path))
        .sort((a, b) => (a.path < b.path ? -1 : 1));
      if (files.length < PER_CLASS[split]) throw new Error(`${source}: ${prefix} has only ${files.length} images`);
      for (const file of files.slice(0, PER_CLASS[split])) {
        picked.push({ path: `${TOP_FOLDER}/${split}/${className}/${file.path.slice(prefix.length)}`, bytes: await file.read() });
      }
    }
  }
  const staging = await mkdtemp(join(tmpdir(), 'sparse-sample-'));
  try {
    const entries = new Set<string>();
    for (const { path, bytes } of picked) {
      await mkdir(join(staging, dirname(path)), { recursive: true });
      await writeFile(join(staging, path), bytes);
      for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) entries.add(`${dir}/`);
      entries.add(path);
    }
    const ordered = [...entries].sort();
    const archive = join(staging, 'sample.tar.gz');
    await create({ gzip: { level: 9 }, file: archive, cwd: staging, portable: true, noMtime: true, noDirRecurse: true }, ordered);
    const out = sampleArchivePath();
    await writeFileAtomic(out, await readFile(archive));
    const size = (await stat(out)).size;
    console.log(`${out}: ${picked.length} images, ${(size / 1e6).toFixed(2)} MB`);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

await main();
