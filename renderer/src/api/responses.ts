// Names the screens use for contract responses: each is the contract's (the core's) own type, never a shape declared
// again here.
import type { CommandResponses } from '../../../shared/contract';
import type { DatasetProgress } from '../../../electron/core/data/types';

export type { Report } from '../../../electron/core/report/types';
export type { ModelBenchmark } from '../../../shared/benchmark-result';
export type { XnnpackCheck, XnnpackDiagnostic } from '../../../electron/core/prune/diagnostics';
export type { DatasetProgress };

/** `data.inspect` (electron/app/inspect-data.ts): class names, split sizes and sample images (data: URLs) per class. */
export type DataInspection = CommandResponses['data.inspect'];

/** `model.describe`: layer table, parameter counts, multiply-adds, the policy verdict, the fix. */
export type ModelDescription = CommandResponses['model.describe'];

/** One device as `devices.list` / `devices.changed` report it. `state` is adb's (device, unauthorized, offline...). */
export type DeviceSummary = CommandResponses['devices.list'][number];

/** `devices.details`: a phone's DeviceDetails, or "This computer"'s entry with its facts under `details`. */
export type DeviceDetailsResponse = CommandResponses['devices.details'];
