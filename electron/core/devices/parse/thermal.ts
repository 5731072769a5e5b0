export const THERMAL_STATUS_NAMES = ['NONE', 'LIGHT', 'MODERATE', 'SEVERE', 'CRITICAL', 'EMERGENCY', 'SHUTDOWN'] as const;
const TEMPERATURE_TYPES: Record<number, string> = {
  0: 'CPU',
  1: 'GPU',
  2: 'BATTERY',
  3: 'SKIN',
  4: 'USB_PORT',
  5: 'POWER_AMPLIFIER',
  6: 'BCL_VOLTAGE',
  7: 'BCL_CURRENT',
  8: 'BCL_PERCENTAGE',
  9: 'NPU',
};

export interface SensorTemperature {
  name: string;
  celsius: number;
  /** Android Temperature type: 0 CPU, 1 GPU, 2 BATTERY, 3 SKIN, ... */
  type?: number;
  typeName?: string;
  /** Per-sensor throttling status (same scale as the overall status). */
  status?: number;
}

export interface ThermalState {
  /** 0 NONE ... 4 CRITICAL, 5 EMERGENCY, 6 SHUTDOWN. */
  status?: number;
  statusName?: string;
  halReady?: boolean;
  /** 'hal' = `Current temperatures from HAL:` (preferred), 'cached' = `Cached temperatures:`, 'thermal-zones' = sysfs. */
  source?: 'hal' | 'cached' | 'thermal-zones';
  temperatures: SensorTemperature[];
  /** Hottest CPU sensor, °C. */
  maxCpuC?: number;
}

const TEMPERATURE = /Temperature\{mValue=([-\d.eE+]+), mType=(-?\d+), mName=([^,}]*), mStatus=(-?\d+)\}/;

/** Parses `adb shell dumpsys thermalservice` (Android 10+). Prefers the HAL block over the cached one. */
export function parseDumpsysThermal(text: string): ThermalState {
  const t = text.replace(/\r/g, '');
  const state: ThermalState = { temperatures: [] };
  const status = /^\s*Thermal Status:\s*(\d+)/m.exec(t);
  if (status) {
    state.status = Number(status[1]);
    const name = THERMAL_STATUS_NAMES[state.status];
    if (name) state.statusName = name;
  }
  const halReady = /^\s*HAL Ready:\s*(true|false)/m.exec(t);
  if (halReady) state.halReady = halReady[1] === 'true';
  const blocks = {
    hal: block(t, /^[ \t]*Current temperatures from HAL:[ \t]*$/m),
    cached: block(t, /^[ \t]*Cached temperatures:[ \t]*$/m),
  };
  const source = blocks.hal.length > 0 ? 'hal' : blocks.cached.length > 0 ? 'cached' : undefined;
  if (source) {
    state.source = source;
    state.temperatures = blocks[source];
  }
  return withMaxCpu(state);
}

function block(text: string, heading: RegExp): SensorTemperature[] {
  const start = heading.exec(text);
  if (!start) return [];
  const rows: SensorTemperature[] = [];
  for (const line of text
    .slice(start.index + start[0].length)
    .split('\n')
    .slice(1)) {
    const match = TEMPERATURE.exec(line);
    if (!match) {
      if (line.trim() === '') continue;
      break;
    }
    const type = Number(match[2]);
    const row: SensorTemperature = { name: (match[3] ?? '').trim(), celsius: Number(match[1]), type, status: Number(match[4]) };
    const typeName = TEMPERATURE_TYPES[type];
    if (typeName) row.typeName = typeName;
    rows.push(row);
  }
  return rows;
}

/**
 * Fallback when the thermal HAL is not ready: `grep . /sys/class/thermal/thermal_zone*\/type
 * /sys/class/thermal/thermal_zone*\/temp` output (`path:value`). Temperatures are usually milli-°C.
 */
export function parseThermalZones(text: string): ThermalState {
  const zones = new Map<number, { type?: string; raw?: number }>();
  for (const line of text.replace(/\r/g, '').split('\n')) {
    const match = /thermal_zone(\d+)\/(type|temp)[:\s]+(.+?)\s*$/.exec(line);
    if (!match) continue;
    const zone = zones.get(Number(match[1])) ?? {};
    if (match[2] === 'type') zone.type = match[3];
    else if (Number.isFinite(Number(match[3]))) zone.raw = Number(match[3]);
    zones.set(Number(match[1]), zone);
  }
  const temperatures: SensorTemperature[] = [];
  for (const [index, zone] of [...zones.entries()].sort((a, b) => a[0] - b[0])) {
    if (zone.raw === undefined) continue;
    // Most kernels report milli-°C; a few report whole °C. No phone part runs above 200 °C.
    const celsius = Math.abs(zone.raw) > 200 ? zone.raw / 1000 : zone.raw;
    temperatures.push({ name: zone.type ?? `thermal_zone${index}`, celsius });
  }
  const state: ThermalState = { temperatures };
  if (temperatures.length > 0) state.source = 'thermal-zones';
  return withMaxCpu(state);
}

function withMaxCpu(state: ThermalState): ThermalState {
  const cpu = state.temperatures.filter((s) => (s.type !== undefined ? s.type === 0 : /cpu/i.test(s.name)));
  if (cpu.length > 0) state.maxCpuC = Math.max(...cpu.map((s) => s.celsius));
  return state;
}
