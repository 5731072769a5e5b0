import { UserError } from '../util/errors';
import { isImagePath } from './image-decode';
import { interleaveGroups } from './interleave';
import type { SourceFile, SourceTree } from './source-tree';
import { describeFile } from './source-tree';

export interface LabelledFile {
  file: SourceFile;
  label: number;
}

export interface ImageFolderLayout {
  /** Folder (inside the tree) that holds train/ and test/; '' for the top. */
  root: string;
  classNames: string[];
  /** Files in load order: interleaved by class (see interleaveGroups), file names sorted within a class. */
  train: LabelledFile[];
  test: LabelledFile[];
}

const MAX_CLASSES = 256;
const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds ROOT/{train,test}/<class>/ images in the tree. ROOT is the shallowest folder holding both train/ and test/
 * (archives often wrap everything in one top folder). Classes are the sub-folders of train/, sorted by name.
 * Images may sit in sub-folders of a class folder; other files are ignored.
 */
export function findImageFolderLayout(tree: SourceTree): ImageFolderLayout {
  const root = findRoot(tree);
  const classNames = childDirs(tree, join(root, 'train'));
  const where = (path: string): string => describeFile(tree, path);
  if (classNames.length === 0) {
    throw new UserError(
      'DATA_EMPTY_CLASS',
      `${where(join(root, 'train'))} has no class folders.`,
      'Put the images of each class in train/<class name>/ and test/<class name>/.',
    );
  }
  if (classNames.length > MAX_CLASSES) {
    throw new UserError(
      'DATA_UNRECOGNIZED',
      `${where(join(root, 'train'))} has ${classNames.length} class folders; at most ${MAX_CLASSES} are supported.`,
    );
  }
  const testClasses = childDirs(tree, join(root, 'test'));
  const missing = classNames.filter((name) => !testClasses.includes(name));
  const extra = testClasses.filter((name) => !classNames.includes(name));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length ? `missing in test/: ${missing.join(', ')}` : '',
      extra.length ? `only in test/: ${extra.join(', ')}` : '',
    ];
    throw new UserError(
      'DATA_CLASS_MISMATCH',
      `${where(root === '' ? '.' : root)}: train/ and test/ must have the same class folders (${parts.filter(Boolean).join('; ')}).`,
    );
  }
  const images = tree.files.filter((file) => isImagePath(file.path));
  const split = (name: 'train' | 'test'): LabelledFile[] => {
    const groups = classNames.map((className, label) => {
      const prefix = `${join(root, `${name}/${className}`)}/`;
      const files = images.filter((file) => file.path.startsWith(prefix)).sort((a, b) => compare(a.path, b.path));
      if (files.length === 0) {
        throw new UserError(
          'DATA_EMPTY_CLASS',
          `${where(prefix.slice(0, -1))} holds no .jpg, .jpeg or .png images.`,
          'Add images to the class folder or remove it from both train/ and test/.',
        );
      }
      return files.map((file) => ({ file, label }));
    });
    return interleaveGroups(groups);
  };
  return { root, classNames, train: split('train'), test: split('test') };
}

function childDirs(tree: SourceTree, dir: string): string[] {
  const prefix = dir === '' ? '' : `${dir}/`;
  const children: string[] = [];
  for (const path of tree.dirs) {
    if (path.startsWith(prefix) && path.length > prefix.length && !path.slice(prefix.length).includes('/')) {
      children.push(path.slice(prefix.length));
    }
  }
  return children.sort(compare);
}

function findRoot(tree: SourceTree): string {
  const candidates = [...tree.dirs].filter((dir) => tree.dirs.has(join(dir, 'train')) && tree.dirs.has(join(dir, 'test')));
  const depth = (dir: string): number => (dir === '' ? 0 : dir.split('/').length);
  const shallowest = Math.min(...candidates.map(depth));
  const roots = candidates.filter((dir) => depth(dir) === shallowest);
  if (roots.length === 1) return roots[0]!;
  if (roots.length > 1) {
    throw new UserError(
      'DATA_UNRECOGNIZED',
      `${tree.origin} holds several data sets (${roots.map((r) => `${r}/`).join(', ')}).`,
      'Point to one of them.',
    );
  }
  const found = [...tree.dirs].filter((dir) => /(?:^|\/)(?:train|test)$/.test(dir));
  throw new UserError(
    'DATA_NO_SPLITS',
    `${tree.origin} has no folder holding both train/ and test/${found.length > 0 ? ` (found only ${found.slice(0, 3).join(', ')})` : ''}.`,
    'Expected ROOT/train/<class>/*.jpg|png and ROOT/test/<class>/*.jpg|png, the CIFAR-10 binary release (cifar-10-batches-bin or cifar-10-binary.tar.gz), or a .tar.gz of either.',
  );
}
