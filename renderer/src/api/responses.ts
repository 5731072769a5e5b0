// The shapes the screens expect from commands whose contract response is `unknown` (the core's types are the source
// of truth; where a core type exists it is imported type-only). The lead's handlers should answer these shapes.
import type { DatasetProgress } from '../../../electron/core/data/types';
import type { describeModel } from '../../../electron/app/describe-model';

export type { Report } from '../../../electron/core/report/types';
export type { ModelBenchmark } from '../../../shared/benchmark-result';
export type { XnnpackCheck, XnnpackDiagnostic } from '../../../electron/core/prune/diagnostics';
export type { DatasetProgress };

/** `data.inspect` (electron/app/inspect-data.ts): class names, split sizes and sample images (data: URLs) per class. */
export interface DataInspection {
  source: string;
  classNames: string[];
  sizes: { train: number; validation: number; test: number };
  samples: { className: string; images: string[] }[];
  fingerprint?: string;
}

/** `model.describe`: layer table, parameter counts, multiply-adds, the policy verdict, the fix. */
export type ModelDescription = Awaited<ReturnType<typeof describeModel>>;

/** One device as `devices.list` / `devices.changed` report it. `state` is adb's (device, unauthorized, offline...). */
export interface DeviceSummary {
  id: string;
  kind: 'host' | 'adb';
  label: string;
  state: string;
  /** The device layer's own advice for this state, when it has one. */
  advice?: string;
  remote?: boolean;
}

/** `devices.details`: flat key/value facts (SoC, Android version, ABI, cores, thermal status ...). */
export type DeviceDetails = Record<string, string | number | boolean | null>;

export function asArray<T>(value: unknown, key: string): T[] {
  if (Array.isArray(value)) return value as T[];
  const inner = (value as Record<string, unknown> | null)?.[key];
  return Array.isArray(inner) ? (inner as T[]) : [];
}
