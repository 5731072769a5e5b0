import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeArchivePath, resolveLinkTarget } from '../../electron/core/data/archive-paths';

test('archive entry paths are normalised, and those leaving the folder are refused (null)', () => {
  const cases: [string, string | null][] = [
    ['cifar10-jpg/train/cat/0001.jpg', 'cifar10-jpg/train/cat/0001.jpg'],
    ['./cifar10-jpg/train/', 'cifar10-jpg/train'],
    ['a//b/./c', 'a/b/c'],
    ['a/../b', 'b'],
    ['a\\b\\c.png', 'a/b/c.png'],
    ['../evil', null],
    ['a/../../evil', null],
    ['/etc/passwd', null],
    ['\\\\server\\share\\x', null],
    ['C:\\Windows\\x', null],
    ['c:/x', null],
    ['..', null],
    ['a/b\0c', null],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeArchivePath(input), expected, input);
});

test('link targets resolve against the link folder (symlink) or the archive root (hardlink)', () => {
  const cases: [string, string, 'symlink' | 'hardlink', string | null][] = [
    ['d/train/cat/a.jpg', 'b.jpg', 'symlink', 'd/train/cat/b.jpg'],
    ['d/train/cat/a.jpg', '../dog/b.jpg', 'symlink', 'd/train/dog/b.jpg'],
    ['d/a.jpg', '../../outside', 'symlink', null],
    ['d/a.jpg', '/etc/passwd', 'symlink', null],
    ['d/a.jpg', 'd/b.jpg', 'hardlink', 'd/b.jpg'],
    ['d/a.jpg', '../b.jpg', 'hardlink', null],
  ];
  for (const [path, link, kind, expected] of cases)
    assert.equal(resolveLinkTarget(path, link, kind), expected, `${path} -> ${link}`);
});
