export interface BatteryState {
  /** Percent when scale is 100 (the usual case). */
  level?: number;
  scale?: number;
  /** °C; `dumpsys battery` prints tenths of a degree (310 = 31.0 °C). */
  temperatureC?: number;
  /** BatteryManager status: 1 unknown, 2 charging, 3 discharging, 4 not charging, 5 full. */
  status?: number;
  charging?: boolean;
  acPowered?: boolean;
  usbPowered?: boolean;
  wirelessPowered?: boolean;
}

function field(text: string, name: string): string | undefined {
  const match = new RegExp(`^\\s*${name}:\\s*(.+?)\\s*$`, 'm').exec(text);
  return match?.[1];
}

function int(text: string, name: string): number | undefined {
  const raw = field(text, name);
  const n = raw === undefined ? NaN : Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

function bool(text: string, name: string): boolean | undefined {
  const raw = field(text, name);
  return raw === 'true' ? true : raw === 'false' ? false : undefined;
}

/** Parses `adb shell dumpsys battery`. */
export function parseDumpsysBattery(text: string): BatteryState {
  const t = text.replace(/\r/g, '');
  const state: BatteryState = {};
  const level = int(t, 'level');
  const scale = int(t, 'scale');
  const temperature = int(t, 'temperature');
  const status = int(t, 'status');
  if (level !== undefined) state.level = level;
  if (scale !== undefined) state.scale = scale;
  if (temperature !== undefined) state.temperatureC = temperature / 10;
  if (status !== undefined) {
    state.status = status;
    state.charging = status === 2;
  }
  const powered: [keyof BatteryState, string][] = [
    ['acPowered', 'AC powered'],
    ['usbPowered', 'USB powered'],
    ['wirelessPowered', 'Wireless powered'],
  ];
  for (const [key, name] of powered) {
    const v = bool(t, name);
    if (v !== undefined) (state as Record<string, unknown>)[key] = v;
  }
  return state;
}
