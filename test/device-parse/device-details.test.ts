// Device detail parsers, fed with text in the formats the device prints (shared/reference/benchmark-model-and-adb.md §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDumpsysBattery } from '../../electron/core/devices/parse/battery';
import { benchmarkBinaryForAbis } from '../../electron/core/devices/parse/benchmark-binary-for-abi';
import { cpuClusters, parseCpuMaxFreqListing } from '../../electron/core/devices/parse/cpu-clusters';
import { deviceIdentityFromProps } from '../../electron/core/devices/parse/device-identity';
import { parseGetprop } from '../../electron/core/devices/parse/getprop';
import { parseMeminfo } from '../../electron/core/devices/parse/meminfo';
import { parseDumpsysThermal, parseThermalZones } from '../../electron/core/devices/parse/thermal';
import { UserError } from '../../electron/core/util/errors';

const PIXEL_7_GETPROP = `[dalvik.vm.heapsize]: [512m]
[ro.board.platform]: [gs201]
[ro.build.fingerprint]: [google/panther/panther:14/UQ1A.240205.002/11224170:user/release-keys]
[ro.build.version.release]: [14]
[ro.build.version.sdk]: [34]
[ro.build.version.security_patch]: [2024-02-05]
[ro.hardware]: [panther]
[ro.product.board]: [panther]
[ro.product.brand]: [google]
[ro.product.cpu.abi]: [arm64-v8a]
[ro.product.cpu.abilist]: [arm64-v8a,armeabi-v7a,armeabi]
[ro.product.cpu.abilist32]: [armeabi-v7a,armeabi]
[ro.product.cpu.abilist64]: [arm64-v8a]
[ro.product.device]: [panther]
[ro.product.manufacturer]: [Google]
[ro.product.model]: [Pixel 7]
[ro.soc.manufacturer]: [Google]
[ro.soc.model]: [GS201]
[persist.sys.usb.config]: [adb]
`;

test('getprop lines, CRLF, empty and multi-line values', () => {
  const props = parseGetprop('[a.b]: [one]\r\n[a.empty]: []\r\n[a.multi]: [line 1\nline 2]\r\n[a.brackets]: [x [y] z]\r\n');
  assert.deepEqual(props, { 'a.b': 'one', 'a.empty': '', 'a.multi': 'line 1\nline 2', 'a.brackets': 'x [y] z' });
});

test('identity of a current phone (ro.soc.* present)', () => {
  assert.deepEqual(deviceIdentityFromProps(parseGetprop(PIXEL_7_GETPROP)), {
    abis: ['arm64-v8a', 'armeabi-v7a', 'armeabi'],
    abis64: ['arm64-v8a'],
    abis32: ['armeabi-v7a', 'armeabi'],
    model: 'Pixel 7',
    manufacturer: 'Google',
    brand: 'google',
    device: 'panther',
    androidVersion: '14',
    fingerprint: 'google/panther/panther:14/UQ1A.240205.002/11224170:user/release-keys',
    securityPatch: '2024-02-05',
    sdk: 34,
    soc: 'Google GS201',
    socSource: 'ro.soc.model',
  });
});

test('SoC name: ro.soc.model already starting with the manufacturer, then each fallback', () => {
  const soc = (props: Record<string, string>) => {
    const id = deviceIdentityFromProps(props);
    return [id.soc, id.socSource];
  };
  assert.deepEqual(soc({ 'ro.soc.manufacturer': 'Qualcomm', 'ro.soc.model': 'SM8750' }), ['Qualcomm SM8750', 'ro.soc.model']);
  assert.deepEqual(soc({ 'ro.soc.manufacturer': 'Mediatek', 'ro.soc.model': 'MediaTek MT6983' }), [
    'MediaTek MT6983',
    'ro.soc.model',
  ]);
  assert.deepEqual(soc({ 'ro.board.platform': 'exynos5', 'ro.hardware.chipname': 'exynos9820', 'ro.hardware': 'exynos9820' }), [
    'exynos9820',
    'ro.hardware.chipname',
  ]);
  assert.deepEqual(soc({ 'ro.board.platform': 'lahaina', 'ro.hardware': 'qcom' }), ['lahaina', 'ro.board.platform']);
  assert.deepEqual(soc({ 'ro.hardware': 'ranchu' }), ['ranchu', 'ro.hardware']);
  assert.deepEqual(soc({ 'ro.product.board': 'sdm845' }), ['sdm845', 'ro.product.board']);
  assert.deepEqual(soc({}), [undefined, undefined]);
});

test('old 32-bit phone: empty abilist64, no ro.soc.*; every missing value stays absent', () => {
  const id = deviceIdentityFromProps(
    parseGetprop(`[ro.board.platform]: [msm8916]
[ro.build.version.release]: [7.1.2]
[ro.build.version.sdk]: [25]
[ro.product.cpu.abi]: [armeabi-v7a]
[ro.product.cpu.abilist]: [armeabi-v7a,armeabi]
[ro.product.cpu.abilist32]: [armeabi-v7a,armeabi]
[ro.product.cpu.abilist64]: []
[ro.product.model]: [Redmi 4A]
`),
  );
  assert.deepEqual(id, {
    abis: ['armeabi-v7a', 'armeabi'],
    abis64: [],
    abis32: ['armeabi-v7a', 'armeabi'],
    model: 'Redmi 4A',
    androidVersion: '7.1.2',
    sdk: 25,
    soc: 'msm8916',
    socSource: 'ro.board.platform',
  });
  assert.deepEqual(
    deviceIdentityFromProps({ 'ro.product.cpu.abi': 'armeabi-v7a' }).abis,
    ['armeabi-v7a'],
    'pre-Lollipop abi only',
  );
  assert.deepEqual(deviceIdentityFromProps({}), { abis: [], abis64: [], abis32: [] });
});

test('benchmark_model build for the ABI list', () => {
  assert.equal(benchmarkBinaryForAbis(['arm64-v8a', 'armeabi-v7a', 'armeabi']), 'android_aarch64_benchmark_model');
  assert.equal(benchmarkBinaryForAbis(['arm64-v8a']), 'android_aarch64_benchmark_model', '64-bit-only SoC');
  assert.equal(benchmarkBinaryForAbis(['armeabi-v7a', 'armeabi']), 'android_arm_benchmark_model');
  assert.throws(
    () => benchmarkBinaryForAbis(['x86_64', 'x86'], 'emulator-5554'),
    (e: unknown) =>
      e instanceof UserError &&
      e.code === 'UNSUPPORTED_ABI' &&
      /emulator-5554 has CPU ABI x86_64, x86/.test(e.message) &&
      /--binary/.test(e.hint ?? ''),
  );
  assert.throws(
    () => benchmarkBinaryForAbis([]),
    (e: unknown) => e instanceof UserError && e.code === 'UNKNOWN_ABI',
  );
});

test('CPU clusters from cpuinfo_max_freq (grep . output), big-core taskset mask', () => {
  const mi11 = [0, 1, 2, 3].map((c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq:1804800`);
  mi11.push(...[4, 5, 6].map((c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq:2419200`));
  mi11.push('/sys/devices/system/cpu/cpu7/cpufreq/cpuinfo_max_freq:2841600');
  const three = cpuClusters(parseCpuMaxFreqListing(mi11.join('\r\n')));
  assert.deepEqual(three, {
    clusters: [
      { maxFreqKhz: 1804800, cpus: [0, 1, 2, 3], mask: 'f' },
      { maxFreqKhz: 2419200, cpus: [4, 5, 6], mask: '70' },
      { maxFreqKhz: 2841600, cpus: [7], mask: '80' },
    ],
    bigCoreMask: '80',
    bigCores: [7],
    unknownCores: [],
  });
  const pixel2 = [0, 1, 2, 3, 4, 5, 6, 7].map(
    (c) => `/sys/devices/system/cpu/cpu${c}/cpufreq/cpuinfo_max_freq ${c < 4 ? 1900800 : 2457600}`,
  );
  assert.equal(cpuClusters(parseCpuMaxFreqListing(pixel2.join('\n'))).bigCoreMask, 'f0', 'README: taskset f0 on Pixel 2');
  const offline = parseCpuMaxFreqListing(
    '/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq:1800000\n' +
      'grep: /sys/devices/system/cpu/cpu1/cpufreq/cpuinfo_max_freq: No such file or directory\n',
  );
  assert.deepEqual(offline, [{ cpu: 0, maxFreqKhz: 1800000 }, { cpu: 1 }]);
  assert.deepEqual(cpuClusters(offline).unknownCores, [1]);
  assert.deepEqual(cpuClusters([]), { clusters: [], bigCores: [], unknownCores: [] });
});

test('/proc/meminfo', () => {
  const text =
    'MemTotal:        7645056 kB\nMemFree:          412680 kB\nMemAvailable:    3012344 kB\nBuffers:            4120 kB\n';
  assert.deepEqual(parseMeminfo(text), { totalKb: 7645056, availableKb: 3012344 });
  assert.deepEqual(
    parseMeminfo('MemTotal:         901240 kB\nMemFree:          31204 kB\n'),
    { totalKb: 901240 },
    'kernels before 3.14',
  );
  assert.deepEqual(parseMeminfo(''), {});
});

test('dumpsys battery (temperature in tenths of a degree)', () => {
  const phone = `Current Battery Service state:
  AC powered: false
  USB powered: true
  Wireless powered: false
  Max charging current: 500000
  Max charging voltage: 5000000
  Charge counter: 2770000
  status: 2
  health: 2
  present: true
  level: 89
  scale: 100
  voltage: 4228
  temperature: 310
  technology: Li-ion
`;
  assert.deepEqual(parseDumpsysBattery(phone.replace(/\n/g, '\r\n')), {
    level: 89,
    scale: 100,
    temperatureC: 31,
    status: 2,
    charging: true,
    acPowered: false,
    usbPowered: true,
    wirelessPowered: false,
  });
  assert.equal(parseDumpsysBattery('  temperature: 287\n').temperatureC, 28.7);
  assert.deepEqual(parseDumpsysBattery('Current Battery Service state:\n  level: 100\n  status: 5\n'), {
    level: 100,
    status: 5,
    charging: false,
  });
  assert.deepEqual(parseDumpsysBattery(''), {});
});

const THERMAL_HAL = `IsStatusOverride: false
ThermalEventListeners:
\tcallbacks: 2
\tkilled: false
\tbroadcasts count: -1
ThermalStatusListeners:
\tcallbacks: 1
\tkilled: false
\tbroadcasts count: -1
Thermal Status: 1
Cached temperatures:
\tTemperature{mValue=41.2, mType=3, mName=VIRTUAL-SKIN, mStatus=1}
\tTemperature{mValue=49.0, mType=0, mName=CPU0, mStatus=0}
HAL Ready: true
HAL connection:
\tThermalHAL 2.0 connected: yes
Current temperatures from HAL:
\tTemperature{mValue=38.1, mType=2, mName=battery, mStatus=0}
\tTemperature{mValue=45.5, mType=0, mName=BIG, mStatus=0}
\tTemperature{mValue=42.25, mType=0, mName=LITTLE, mStatus=0}
\tTemperature{mValue=41.9, mType=1, mName=G3D, mStatus=0}
\tTemperature{mValue=40.7, mType=3, mName=VIRTUAL-SKIN, mStatus=1}
Current cooling devices from HAL:
\tCoolingDevice{mValue=0, mType=2, mName=battery}
`;

test('dumpsys thermalservice: status and the HAL block, not the cached one', () => {
  const state = parseDumpsysThermal(THERMAL_HAL);
  assert.equal(state.status, 1);
  assert.equal(state.statusName, 'LIGHT');
  assert.equal(state.halReady, true);
  assert.equal(state.source, 'hal');
  assert.deepEqual(
    state.temperatures.map((t) => [t.name, t.celsius, t.typeName]),
    [
      ['battery', 38.1, 'BATTERY'],
      ['BIG', 45.5, 'CPU'],
      ['LITTLE', 42.25, 'CPU'],
      ['G3D', 41.9, 'GPU'],
      ['VIRTUAL-SKIN', 40.7, 'SKIN'],
    ],
  );
  assert.equal(state.maxCpuC, 45.5);
});

test('dumpsys thermalservice with HAL not ready: cached block, else nothing; sysfs thermal zones fallback', () => {
  const notReady = `IsStatusOverride: false
Thermal Status: 0
Cached temperatures:
\tTemperature{mValue=33.0, mType=3, mName=skin, mStatus=0}
HAL Ready: false
HAL connection:
\tNo connection!
Current temperatures from HAL:
Current cooling devices from HAL:
`;
  const cached = parseDumpsysThermal(notReady);
  assert.deepEqual([cached.status, cached.statusName, cached.halReady, cached.source], [0, 'NONE', false, 'cached']);
  assert.deepEqual(cached.temperatures, [{ name: 'skin', celsius: 33, type: 3, typeName: 'SKIN', status: 0 }]);
  const empty = parseDumpsysThermal(notReady.replace(/\tTemperature.*\n/, ''));
  assert.deepEqual(empty.temperatures, []);
  assert.equal(empty.source, undefined);
  assert.deepEqual(parseDumpsysThermal("Can't find service: thermalservice\n"), { temperatures: [] }, 'Android 9 and older');

  const zones = parseThermalZones(`/sys/class/thermal/thermal_zone0/type:cpu-0-0-usr
/sys/class/thermal/thermal_zone1/type:cpu-1-0-usr
/sys/class/thermal/thermal_zone2/type:battery
/sys/class/thermal/thermal_zone0/temp:38700
/sys/class/thermal/thermal_zone1/temp:41200
/sys/class/thermal/thermal_zone2/temp:31
/sys/class/thermal/thermal_zone3/type:xo-therm
`);
  assert.equal(zones.source, 'thermal-zones');
  assert.deepEqual(
    zones.temperatures.map((t) => [t.name, t.celsius]),
    [
      ['cpu-0-0-usr', 38.7],
      ['cpu-1-0-usr', 41.2],
      ['battery', 31],
    ],
  );
  assert.equal(zones.maxCpuC, 41.2);
});
