/** CIFAR-10's label order, as in batches.meta.txt of the official release. */
export const CIFAR10_CLASS_NAMES: readonly string[] = [
  'airplane',
  'automobile',
  'bird',
  'cat',
  'deer',
  'dog',
  'frog',
  'horse',
  'ship',
  'truck',
];

/** Every image is 32 x 32 RGB. */
export const IMAGE_SIDE = 32;
export const IMAGE_BYTES = IMAGE_SIDE * IMAGE_SIDE * 3;
