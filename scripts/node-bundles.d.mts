import type { BuildOptions } from 'esbuild';
export declare const NODE_BUNDLE: BuildOptions;
export declare const NODE_ENTRIES: Record<'main' | 'worker-entry' | 'runtime-worker-entry' | 'train-thread', string>;
