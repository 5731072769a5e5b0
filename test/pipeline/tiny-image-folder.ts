import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { createRng } from '../../electron/core/util/rng';

/**
 * A tiny image-folder data set made by the test itself: ROOT/{train,test}/<class>/*.png, 32x32 RGB. Each class has
 * its own colour tint plus noise, so a model can learn something in one epoch.
 */
export async function writeTinyImageFolder(
  root: string,
  perClassTrain: number,
  perClassTest: number,
  classes = 10,
): Promise<string> {
  const rng = createRng(7);
  for (const [split, count] of [
    ['train', perClassTrain],
    ['test', perClassTest],
  ] as const) {
    for (let c = 0; c < classes; c++) {
      const dir = join(root, split, `class_${String(c).padStart(2, '0')}`);
      await mkdir(dir, { recursive: true });
      for (let i = 0; i < count; i++) {
        const png = new PNG({ width: 32, height: 32 });
        for (let p = 0; p < 32 * 32; p++) {
          const tint = [(c * 37) % 255, (c * 91) % 255, (c * 151) % 255];
          for (let ch = 0; ch < 3; ch++)
            png.data[p * 4 + ch] = Math.min(255, Math.max(0, tint[ch]! + Math.round((rng.next() - 0.5) * 120)));
          png.data[p * 4 + 3] = 255;
        }
        await writeFile(join(dir, `${String(i).padStart(4, '0')}.png`), PNG.sync.write(png));
      }
    }
  }
  return root;
}
