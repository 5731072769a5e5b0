import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { IMAGE_BYTES } from './cifar10-classes';
import type { DecodedSet } from './decoded-cache';
import { decodeImageInto } from './image-decode';
import type { LabelledFile } from './image-folder-layout';
import { findImageFolderLayout } from './image-folder-layout';
import { limitedCounts } from './split-counts';
import { allocateSplit } from './split-views';
import type { SourceTree } from './source-tree';
import { describeFile } from './source-tree';
import type { DatasetProgress, Split } from './types';

/** Images read, then decoded, per step. */
const BATCH = 256;

export interface ImageFolderOptions {
  limit?: number;
  onProgress?: (progress: DatasetProgress) => void;
  signal?: AbortSignal;
}

export interface ImageFolderSet extends DecodedSet {
  totals: { train: number; test: number };
}

/** Decodes ROOT/{train,test}/<class>/* images (the first `limit` training files and a proportional test share). */
export async function loadImageFolder(tree: SourceTree, options: ImageFolderOptions = {}): Promise<ImageFolderSet> {
  const layout = findImageFolderLayout(tree);
  const totals = { train: layout.train.length, test: layout.test.length };
  const counts = limitedCounts(totals.train, totals.test, options.limit);
  const total = counts.train + counts.test;
  let done = 0;
  const decode = async (files: LabelledFile[], into: Split): Promise<void> => {
    for (let start = 0; start < into.count; start += BATCH) {
      const group = files.slice(start, Math.min(start + BATCH, into.count));
      const contents = await Promise.all(group.map(({ file }) => file.read()));
      // Decoded synchronously per group: awaiting between single images made V8's GC several times slower.
      group.forEach(({ file, label }, i) => {
        decodeImageInto(contents[i]!, describeFile(tree, file.path), into.images, (start + i) * IMAGE_BYTES);
        file.release?.();
        into.labels[start + i] = label;
      });
      done += group.length;
      options.onProgress?.({ phase: 'decode', done, total, file: describeFile(tree, group[group.length - 1]!.file.path) });
      // Lets progress reach the UI and a cancel request arrive during a long decode.
      await yieldToEventLoop();
      options.signal?.throwIfAborted();
    }
  };
  const trainFiles = allocateSplit(counts.train);
  const test = allocateSplit(counts.test);
  await decode(layout.train, trainFiles);
  await decode(layout.test, test);
  return { classNames: layout.classNames, trainFiles, test, totals };
}
