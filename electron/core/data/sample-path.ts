import { resourcePath } from '../util/app-root';

/** The bundled sample (2,000 train + 500 test CIFAR-10 JPEGs), found relative to this file so any cwd works. */
export function sampleArchivePath(): string {
  return resourcePath('datasets', 'cifar10-sample.tar.gz');
}
