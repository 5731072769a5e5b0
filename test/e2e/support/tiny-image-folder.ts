// A tiny image-folder data set (ROOT/{train,test}/<class>/*.png) written by the test: 10 classes, each a distinct
// colour with a little deterministic noise, so the real data loader, training and conversion have something to chew.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'];

export function writeTinyImageFolder(root: string, perClass: { train: number; test: number }): string {
  let seed = 12345;
  const noise = (): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return (seed % 41) - 20;
  };
  for (const split of ['train', 'test'] as const) {
    CLASSES.forEach((name, c) => {
      const dir = join(root, split, name);
      mkdirSync(dir, { recursive: true });
      for (let i = 0; i < perClass[split]; i++) {
        const png = new PNG({ width: 32, height: 32 });
        const base = [(c * 25) % 256, (c * 70) % 256, (c * 130) % 256];
        for (let p = 0; p < 32 * 32; p++) {
          png.data.set([...base.map((v) => Math.max(0, Math.min(255, v + noise()))), 255], p * 4);
        }
        writeFileSync(join(dir, `${i}.png`), PNG.sync.write(png));
      }
    });
  }
  return root;
}
