import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMicros,
  formatNumber,
  formatPercent,
} from '../../renderer/src/format/numbers';

test('formatters: table', () => {
  const cases: [string, string][] = [
    [formatBytes(0), '0 B'],
    [formatBytes(1023), '1,023 B'],
    [formatBytes(1536), '1.50 KiB'],
    [formatBytes(150 * 1024), '150.0 KiB'],
    [formatBytes(3 * 1024 * 1024), '3.00 MiB'],
    [formatBytes(null), '—'],
    [formatCount(45000), '45,000'],
    [formatCount(undefined), '—'],
    [formatPercent(0.75), '75.0 %'],
    [formatPercent(0.123456, 2), '12.35 %'],
    [formatPercent(NaN), '—'],
    [formatMicros(512), '512 µs'],
    [formatMicros(1234.5), '1.23 ms'],
    [formatMicros(2_500_000), '2.50 s'],
    [formatMicros(null), '—'],
    [formatDuration(45), '45 s'],
    [formatDuration(185), '3 min 05 s'],
    [formatDuration(3720), '1 h 02 min'],
    [formatDuration(-1), '—'],
    [formatNumber(0.000012345), '0.0000123'],
    [formatNumber(undefined), '—'],
  ];
  for (const [got, want] of cases) assert.equal(got, want);
});
