import { fileURLToPath } from 'node:url';

/** The bundled sample (2,000 train + 500 test CIFAR-10 JPEGs), found relative to this file so any cwd works. */
export function sampleArchivePath(): string {
  return fileURLToPath(new URL('../../../resources/datasets/cifar10-sample.tar.gz', import.meta.url));
}
