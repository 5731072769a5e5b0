/** What getprop says about a phone; every value is absent when the device does not set it. */
export interface DeviceIdentity {
  model?: string;
  manufacturer?: string;
  brand?: string;
  device?: string;
  androidVersion?: string;
  sdk?: number;
  fingerprint?: string;
  securityPatch?: string;
  /** Preferred order as the device lists it (ro.product.cpu.abilist, else abilist64 + abilist32, else the old abi). */
  abis: string[];
  abis64: string[];
  abis32: string[];
  /** `Qualcomm SM8750` from ro.soc.* (API 31+), else a board/platform name. */
  soc?: string;
  /** Which property the SoC came from. */
  socSource?: string;
}

// ro.hardware.chipname is set only by some Exynos builds and then names the exact chip (`exynos9820`) where
// ro.board.platform names the family (`exynos5`); ro.hardware is often generic (`qcom`) or the board's code name.
const SOC_FALLBACKS = ['ro.hardware.chipname', 'ro.board.platform', 'ro.hardware', 'ro.product.board'];

function value(props: Record<string, string>, key: string): string | undefined {
  const v = props[key]?.trim();
  return v ? v : undefined;
}

function list(props: Record<string, string>, key: string): string[] {
  return (value(props, key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function deviceIdentityFromProps(props: Record<string, string>): DeviceIdentity {
  const abis64 = list(props, 'ro.product.cpu.abilist64');
  const abis32 = list(props, 'ro.product.cpu.abilist32');
  let abis = list(props, 'ro.product.cpu.abilist');
  if (abis.length === 0) abis = [...abis64, ...abis32];
  if (abis.length === 0)
    abis = [value(props, 'ro.product.cpu.abi'), value(props, 'ro.product.cpu.abi2')].filter((a): a is string => !!a);
  const identity: DeviceIdentity = { abis, abis64, abis32 };
  const fields: [keyof DeviceIdentity, string][] = [
    ['model', 'ro.product.model'],
    ['manufacturer', 'ro.product.manufacturer'],
    ['brand', 'ro.product.brand'],
    ['device', 'ro.product.device'],
    ['androidVersion', 'ro.build.version.release'],
    ['fingerprint', 'ro.build.fingerprint'],
    ['securityPatch', 'ro.build.version.security_patch'],
  ];
  for (const [field, key] of fields) {
    const v = value(props, key);
    if (v !== undefined) (identity as unknown as Record<string, string>)[field] = v;
  }
  const sdk = Number(value(props, 'ro.build.version.sdk'));
  if (Number.isInteger(sdk) && sdk > 0) identity.sdk = sdk;
  Object.assign(identity, socFromProps(props));
  return identity;
}

function socFromProps(props: Record<string, string>): Pick<DeviceIdentity, 'soc' | 'socSource'> {
  const manufacturer = value(props, 'ro.soc.manufacturer');
  const model = value(props, 'ro.soc.model');
  if (model) {
    const soc = manufacturer && !model.toLowerCase().startsWith(manufacturer.toLowerCase()) ? `${manufacturer} ${model}` : model;
    return { soc, socSource: 'ro.soc.model' };
  }
  for (const key of SOC_FALLBACKS) {
    const v = value(props, key);
    if (v) return { soc: v, socSource: key };
  }
  return {};
}
