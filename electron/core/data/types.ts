/** Images of one split, held as uint8 to keep the full CIFAR-10 set under ~200 MB. */
export interface Split {
  /** count x 32 x 32 x 3 bytes, HWC (RGB interleaved), row-major. */
  images: Uint8Array;
  labels: Uint8Array;
  count: number;
}

export interface Dataset {
  /** Class names, sorted (image folders) or CIFAR-10's official order (binary release). */
  classNames: string[];
  train: Split;
  validation: Split;
  test: Split;
  /** Where it came from: 'sample', 'cifar10', or a path. */
  source: string;
  /** A stable hash of the source files' content (e.g. sha256 of the archive or of the decoded pixels). */
  fingerprint: string;
  imageShape: [32, 32, 3];
}

export interface DatasetProgress {
  phase: 'download' | 'extract' | 'decode';
  done: number;
  total: number;
  /** The file being worked on, when there is one. */
  file?: string;
}
