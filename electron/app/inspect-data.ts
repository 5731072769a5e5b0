import { PNG } from 'pngjs';
import { loadDataset } from '../core/data/load';
import type { DatasetProgress, Split } from '../core/data/types';

const SIDE = 32;

function pngDataUrl(images: Uint8Array, index: number): string {
  const png = new PNG({ width: SIDE, height: SIDE });
  const base = index * SIDE * SIDE * 3;
  for (let p = 0; p < SIDE * SIDE; p++) {
    png.data[p * 4] = images[base + p * 3]!;
    png.data[p * 4 + 1] = images[base + p * 3 + 1]!;
    png.data[p * 4 + 2] = images[base + p * 3 + 2]!;
    png.data[p * 4 + 3] = 255;
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

function samplesPerClass(split: Split, classes: number, perClass: number): number[][] {
  const picked: number[][] = Array.from({ length: classes }, () => []);
  for (let i = 0; i < split.count && picked.some((p) => p.length < perClass); i++) {
    const bucket = picked[split.labels[i]!];
    if (bucket && bucket.length < perClass) bucket.push(i);
  }
  return picked;
}

/** The Data screen: classes, split sizes and a few sample images per class (PNG data URLs). */
export async function inspectData(
  request: { source: string; limit?: number; samplesPerClass?: number },
  onProgress?: (progress: DatasetProgress) => void,
) {
  const dataset = await loadDataset(request.source, {
    ...(request.limit !== undefined ? { limit: request.limit } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
  const perClass = request.samplesPerClass ?? 6;
  const picked = samplesPerClass(dataset.train, dataset.classNames.length, perClass);
  return {
    source: dataset.source,
    fingerprint: dataset.fingerprint,
    classNames: dataset.classNames,
    sizes: { train: dataset.train.count, validation: dataset.validation.count, test: dataset.test.count },
    samples: dataset.classNames.map((className, c) => ({
      className,
      images: picked[c]!.map((i) => pngDataUrl(dataset.train.images, i)),
    })),
  };
}
