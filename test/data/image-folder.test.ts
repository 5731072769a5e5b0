import assert from 'node:assert/strict';
import { readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { loadDataset } from '../../electron/core/data/load';
import type { Dataset, DatasetProgress } from '../../electron/core/data/types';
import { UserError } from '../../electron/core/util/errors';
import { encodeJpeg, encodePng, makeTarGz, rgbImage, tempDir, writeFiles, type TarEntry } from './fixtures';

const CLASSES = ['cat', 'ant', 'bee'];
/** Every image is one flat colour that encodes (class, index), so pixels reveal where an image went. */
const colour = (classIndex: number, index: number): [number, number, number] => [classIndex * 60 + 10, index * 9, 200 - index];
const flatRgba = (rgb: [number, number, number]): Uint8Array => {
  const out = new Uint8Array(32 * 32 * 4);
  for (let p = 0; p < 32 * 32; p++) out.set([...rgb, 255], p * 4);
  return out;
};

/** train: 10 PNGs per class; test: 2 per class (one JPEG). File names are zero-padded so they sort by index. */
function encodeFolder(): Record<string, Uint8Array | string> {
  const files: Record<string, Uint8Array | string> = {};
  CLASSES.forEach((name, classIndex) => {
    for (let i = 0; i < 10; i++)
      files[`train/${name}/${String(i).padStart(2, '0')}.png`] = encodePng(32, 32, flatRgba(colour(classIndex, i)), 2);
    files[`test/${name}/a.png`] = encodePng(32, 32, flatRgba(colour(classIndex, 20)), 2);
    files[`test/${name}/b.JPG`] = encodeJpeg(
      32,
      32,
      rgbImage(32, 32, (_y, _x, c) => colour(classIndex, 21)[c]!),
      100,
    );
  });
  files['train/cat/notes.txt'] = 'ignored';
  files['train/.DS_Store'] = 'ignored';
  return files;
}
const FOLDER = encodeFolder();
const imageFolder = (prefix = ''): Record<string, Uint8Array | string> =>
  Object.fromEntries(Object.entries(FOLDER).map(([path, content]) => [`${prefix}${path}`, content]));

/** The class names of the images of a split, read back from their colours. */
function classesOf(data: Dataset, split: 'train' | 'validation' | 'test'): string[] {
  const s = data[split];
  return Array.from({ length: s.count }, (_, i) => {
    const name = data.classNames[s.labels[i]!]!;
    const red = s.images[i * 3072]!;
    assert.ok(Math.abs(red - colour(CLASSES.indexOf(name), 0)[0]) <= 3, `image ${i} of ${split} carries the pixels of its label`);
    return name;
  });
}

const rejects =
  (code: string, ...words: string[]) =>
  (error: unknown): boolean => {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    for (const word of words) assert.ok(error.message.includes(word), `"${error.message}" should mention ${word}`);
    return true;
  };

test('an image folder loads with sorted classes, interleaved order and a balanced validation tail', async (t) => {
  const dir = await tempDir(t);
  await writeFiles(dir, imageFolder());
  const data = await loadDataset(dir, { cacheDir: join(dir, '.cache') });
  assert.deepEqual(data.classNames, ['ant', 'bee', 'cat']);
  assert.deepEqual([data.train.count, data.validation.count, data.test.count], [27, 3, 6]);
  assert.deepEqual(classesOf(data, 'train').slice(0, 6), ['ant', 'bee', 'cat', 'ant', 'bee', 'cat']);
  assert.deepEqual(classesOf(data, 'validation'), ['ant', 'bee', 'cat']);
  assert.deepEqual(classesOf(data, 'test'), ['ant', 'bee', 'cat', 'ant', 'bee', 'cat']);
  // Validation holds file 09 of each class, in class order: its second image is bee/09.png.
  assert.deepEqual(Array.from(data.validation.images.subarray(3072, 3075)), colour(CLASSES.indexOf('bee'), 9));
  assert.match(data.fingerprint, /^[0-9a-f]{64}$/);
});

test('a .tar.gz with a top folder loads the same data; the decoded cache is written once and reused', async (t) => {
  const dir = await tempDir(t);
  const cacheDir = join(dir, 'cache');
  const files = imageFolder();
  await writeFiles(join(dir, 'folder'), files);
  await writeFile(
    join(dir, 'set.tar.gz'),
    makeTarGz(Object.entries(imageFolder('my-set/')).map(([path, content]) => ({ path, content }))),
  );
  const phases: DatasetProgress['phase'][] = [];
  const first = await loadDataset(join(dir, 'set.tar.gz'), { cacheDir, onProgress: (p) => phases.push(p.phase) });
  assert.ok(phases.includes('extract') && phases.includes('decode'));
  const folder = await loadDataset(join(dir, 'folder'), { cacheDir });
  assert.deepEqual(first.train, folder.train);
  assert.deepEqual(first.test, folder.test);
  const cacheFiles = await readdir(join(cacheDir, 'decoded'));
  assert.deepEqual(cacheFiles.sort(), [`${first.fingerprint}.bin`, `${folder.fingerprint}.bin`].sort());

  phases.length = 0;
  const second = await loadDataset(join(dir, 'set.tar.gz'), { cacheDir, onProgress: (p) => phases.push(p.phase) });
  assert.deepEqual(phases, [], 'a cached load neither extracts nor decodes');
  assert.deepEqual(second, { ...first });

  const limited = await loadDataset(join(dir, 'set.tar.gz'), { cacheDir, limit: 10 });
  assert.deepEqual([limited.train.count, limited.validation.count, limited.test.count], [9, 1, 2]);
  assert.equal(limited.fingerprint, `${first.fingerprint}/limit=10`);

  // A damaged cache file is ignored and rebuilt.
  const cachePath = join(cacheDir, 'decoded', `${first.fingerprint}.bin`);
  await truncate(cachePath, 1000);
  const rebuilt = await loadDataset(join(dir, 'set.tar.gz'), { cacheDir });
  assert.deepEqual(rebuilt.train, first.train);
  assert.ok((await readFile(cachePath)).length > 36 * 3073);
  const afterRebuild: string[] = [];
  await loadDataset(join(dir, 'set.tar.gz'), { cacheDir, onProgress: (p) => afterRebuild.push(p.phase) });
  assert.deepEqual(afterRebuild, [], 'the rebuilt cache is used');
});

test('limit without a cache decodes only the first files and writes no cache', async (t) => {
  const dir = await tempDir(t);
  await writeFiles(dir, imageFolder());
  let decoded = 0;
  const data = await loadDataset(dir, {
    cacheDir: join(dir, '.cache'),
    limit: 12,
    onProgress: (p) => p.phase === 'decode' && (decoded = p.total),
  });
  assert.deepEqual([data.train.count, data.validation.count, data.test.count], [10, 2, 2]);
  assert.equal(decoded, 14);
  assert.deepEqual(classesOf(data, 'validation'), ['bee', 'cat']);
  await assert.rejects(readdir(join(dir, '.cache', 'decoded')), { code: 'ENOENT' });
});

test('bad image folders are refused with the file or folder named', async (t) => {
  const base = imageFolder();
  const without = (...prefixes: string[]): Record<string, Uint8Array | string> =>
    Object.fromEntries(Object.entries(base).filter(([path]) => !prefixes.some((p) => path.startsWith(p))));
  const cases: [string, Record<string, Uint8Array | string>, string, string[]][] = [
    ['corrupt image', { ...base, 'train/bee/03.png': 'garbage' }, 'DATA_BAD_IMAGE', ['train/bee/03.png']],
    [
      'truncated jpeg',
      { ...base, 'test/ant/b.JPG': (base['test/ant/b.JPG'] as Uint8Array).subarray(0, 300) },
      'DATA_BAD_IMAGE',
      ['test/ant/b.JPG'],
    ],
    ['no test folder', without('test/'), 'DATA_NO_SPLITS', ['train/ and test/']],
    ['no train or test', { 'cat/1.png': base['train/cat/00.png']! }, 'DATA_NO_SPLITS', []],
    ['class only in train', without('test/bee/'), 'DATA_CLASS_MISMATCH', ['bee']],
    [
      'class with no images',
      { ...without('train/bee/'), 'train/bee/readme.txt': 'no images here' },
      'DATA_EMPTY_CLASS',
      ['train/bee'],
    ],
  ];
  for (const [name, files, code, words] of cases) {
    const dir = await tempDir(t);
    await writeFiles(dir, files);
    await assert.rejects(loadDataset(dir, { cacheDir: join(dir, '.cache') }), rejects(code, ...words), name);
    await assert.rejects(readdir(join(dir, '.cache', 'decoded')), { code: 'ENOENT' }, `${name}: no cache written`);
  }
  const dir = await tempDir(t);
  await assert.rejects(loadDataset(join(dir, 'nothing-here')), rejects('DATA_NOT_FOUND', 'nothing-here'));
});

test('archives with entries that would leave the extraction folder are refused, naming the entry', async (t) => {
  const good = Object.entries(imageFolder('set/')).map(([path, content]) => ({ path, content }));
  const cases: [string, Parameters<typeof makeTarGz>[0][number], string][] = [
    ['parent path', { path: '../evil.png', content: 'x' }, '../evil.png'],
    ['nested parent path', { path: 'set/train/../../../evil.png', content: 'x' }, 'set/train/../../../evil.png'],
    ['absolute path', { path: '/tmp/evil.png', content: 'x' }, '/tmp/evil.png'],
    [
      'symlink out',
      { path: 'set/train/cat/link.png', type: 'symlink', linkpath: '../../../../etc/passwd' },
      'set/train/cat/link.png',
    ],
    ['absolute symlink', { path: 'set/train/cat/link.png', type: 'symlink', linkpath: '/etc/passwd' }, '/etc/passwd'],
    ['hardlink out', { path: 'set/train/cat/hard.png', type: 'hardlink', linkpath: '../outside.png' }, 'set/train/cat/hard.png'],
  ];
  for (const [name, entry, mention] of cases) {
    const dir = await tempDir(t);
    await writeFile(join(dir, 'bad.tar.gz'), makeTarGz([...good.slice(0, 5), entry, ...good.slice(5)]));
    await assert.rejects(
      loadDataset(join(dir, 'bad.tar.gz'), { cacheDir: join(dir, 'cache') }),
      rejects('DATA_UNSAFE_ARCHIVE_ENTRY', mention, 'bad.tar.gz'),
      name,
    );
    await assert.rejects(readdir(join(dir, 'cache', 'decoded')), { code: 'ENOENT' }, `${name}: no cache written`);
  }
});

test('links that stay inside an archive or folder resolve to their target', async (t) => {
  const dir = await tempDir(t);
  const entries: TarEntry[] = Object.entries(imageFolder('set/')).map(([path, content]) => ({ path, content }));
  entries.push({ path: 'set/train/ant/99.png', type: 'symlink', linkpath: '00.png' });
  await writeFile(join(dir, 'linked.tar.gz'), makeTarGz(entries));
  const data = await loadDataset(join(dir, 'linked.tar.gz'), { cacheDir: join(dir, 'cache') });
  assert.equal(data.train.count + data.validation.count, 31);
  await writeFiles(join(dir, 'folder'), imageFolder());
  await symlink(join(dir, 'folder', 'train', 'ant', '00.png'), join(dir, 'folder', 'train', 'ant', '99.png'));
  const fromFolder = await loadDataset(join(dir, 'folder'), { cacheDir: join(dir, 'cache') });
  assert.equal(fromFolder.train.count + fromFolder.validation.count, 31);
  await rm(join(dir, 'folder'), { recursive: true });
});

test('an empty class folder inside an archive is refused, naming the folder', async (t) => {
  const dir = await tempDir(t);
  const entries: TarEntry[] = Object.entries(imageFolder('set/')).map(([path, content]) => ({ path, content }));
  entries.push({ path: 'set/train/dog/', type: 'dir' }, { path: 'set/test/dog/', type: 'dir' });
  await writeFile(join(dir, 'empty-class.tar.gz'), makeTarGz(entries));
  await assert.rejects(
    loadDataset(join(dir, 'empty-class.tar.gz'), { cacheDir: join(dir, 'cache') }),
    rejects('DATA_EMPTY_CLASS', 'empty-class.tar.gz: set/train/dog'),
  );
});

test('cancelling a load stops it with an AbortError and writes no cache', async (t) => {
  const dir = await tempDir(t);
  await writeFile(
    join(dir, 'set.tar.gz'),
    makeTarGz(Object.entries(imageFolder('set/')).map(([path, content]) => ({ path, content }))),
  );
  const controller = new AbortController();
  const loading = loadDataset(join(dir, 'set.tar.gz'), {
    cacheDir: join(dir, 'cache'),
    signal: controller.signal,
    onProgress: () => controller.abort(),
  });
  await assert.rejects(loading, { name: 'AbortError' });
  await assert.rejects(readdir(join(dir, 'cache', 'decoded')), { code: 'ENOENT' });
});
