// Progress of a what-if job, from WhatifEvent (electron/core/whatif/whatif-run.ts): the files written so far, then the
// benchmark events per device (folded as on the Benchmark step).
import type { WhatifEvent } from '../../../electron/core/whatif/whatif-run';
import type { WhatifFile } from '../../../electron/core/whatif/whatif-report';
import { reduceBenchmarkProgress, type BenchmarkProgress } from './benchmark-progress';

export interface WhatifProgress {
  files: WhatifFile[];
  devices: BenchmarkProgress;
  reportFiles: string[];
}

export function initialWhatifProgress(): WhatifProgress {
  return { files: [], devices: {}, reportFiles: [] };
}

export function reduceWhatifProgress(state: WhatifProgress, raw: unknown): WhatifProgress {
  const event = raw as Partial<WhatifEvent> | null;
  if (!event || typeof event !== 'object') return state;
  switch (event.kind) {
    case 'sparsified':
      return event.file ? { ...state, files: [...state.files, event.file] } : state;
    case 'benchmark':
      return { ...state, devices: reduceBenchmarkProgress(state.devices, event.event) };
    case 'report':
      return { ...state, reportFiles: event.files ?? [] };
    default:
      return state;
  }
}
