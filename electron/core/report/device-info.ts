import type { BenchmarkInput } from './input-schemas';
import type { LoadedRun } from './load-run';
import { benchmarkRole } from './model-role';
import { thermalReading } from './thermal';
import type { DeviceInfo } from './types';

type Scalar = string | number | boolean | null;

/** Flattens nested details (`identity.model`, `battery.temperatureC`) into scalar fields; lists become JSON text. */
function scalarDetails(details: Record<string, unknown>, prefix = '', out: Record<string, Scalar> = {}): Record<string, Scalar> {
  for (const [key, value] of Object.entries(details)) {
    const name = prefix + key;
    if (prefix === '' && key === 'thermal' && Array.isArray(value)) continue;
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[name] = value as Scalar;
    else if (typeof value === 'object' && !Array.isArray(value) && prefix.split('.').length < 3)
      scalarDetails(value as Record<string, unknown>, `${name}.`, out);
    else if (value !== undefined) out[name] = JSON.stringify(value);
  }
  return out;
}

function benchmarkThermal(run: LoadedRun): Map<string, DeviceInfo['thermal']> {
  const byDevice = new Map<string, DeviceInfo['thermal']>();
  for (const { file, data } of run.benchmarks) {
    if (!data.conditions) continue;
    const rows = byDevice.get(data.device.id) ?? [];
    rows.push({
      run: run.id,
      benchmark: file,
      model: benchmarkRole(run, data.model) ?? data.model.file,
      repetition: data.repetition,
      before: thermalReading(data.conditions.before),
      after: thermalReading(data.conditions.after),
    });
    byDevice.set(data.device.id, rows);
  }
  return byDevice;
}

function thermalRows(run: LoadedRun, details: Record<string, unknown>): DeviceInfo['thermal'] {
  const list = Array.isArray(details.thermal) ? (details.thermal as unknown[]) : [];
  return list
    .filter((t): t is Record<string, unknown> => typeof t === 'object' && t !== null)
    .map((t) => ({
      run: run.id,
      benchmark: typeof t.benchmark === 'string' ? t.benchmark : null,
      model: typeof t.model === 'string' ? t.model : null,
      repetition: typeof t.repetition === 'number' ? t.repetition : null,
      before: thermalReading(t.before),
      after: thermalReading(t.after),
    }));
}

/** Devices seen in the benchmarks of all runs, with their recorded details and thermal readings merged. */
export function collectDevices(runs: readonly LoadedRun[]): DeviceInfo[] {
  const devices = new Map<string, DeviceInfo>();
  const touch = (ref: BenchmarkInput['device'], synthetic: boolean): DeviceInfo => {
    const existing = devices.get(ref.id);
    if (existing) {
      existing.synthetic ||= synthetic;
      return existing;
    }
    const created: DeviceInfo = { id: ref.id, kind: ref.kind, label: ref.label, synthetic, details: {}, thermal: [] };
    devices.set(ref.id, created);
    return created;
  };
  for (const run of runs) {
    for (const { data } of run.benchmarks) touch(data.device, data.synthetic);
    for (const [id, rows] of benchmarkThermal(run)) devices.get(id)?.thermal.push(...rows);
    for (const [id, details] of Object.entries(run.devices)) {
      const known = devices.get(id);
      const device =
        known ??
        touch(
          { id, kind: details.kind === 'host' ? 'host' : 'adb', label: typeof details.label === 'string' ? details.label : id },
          details.synthetic === true,
        );
      Object.assign(device.details, scalarDetails(details));
      device.thermal.push(...thermalRows(run, details));
      if (details.synthetic === true) device.synthetic = true;
    }
  }
  return [...devices.values()];
}
