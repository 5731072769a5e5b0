import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatHeadline, type ReportHeadline } from '../../electron/core/report/headline';

// The pipeline's printed headline, in both languages, from the report's own formatters and words.
const host: ReportHeadline = {
  device: 'host',
  label: 'This computer (AMD EPYC, WebAssembly)',
  synthetic: false,
  speedup: 1.5312,
  ci: { low: 1.52, high: 1.554, level: 0.95 },
  medianUs: { dense: 14.93, pruned: 9.75 },
  bytes: { dense: 10432, pruned: 9296 },
  accuracyTfjs: { dense: 0.472, pruned: 0.46 },
  accuracyTflite: { dense: 0.472, pruned: 0.46 },
  sparseInference: 'yes',
};

describe('printed headline', () => {
  it('English: speed-up with its interval, medians, sizes, accuracies, sparse inference', () => {
    assert.deepEqual(formatHeadline(host, 'en'), [
      'This computer (AMD EPYC, WebAssembly)',
      '  speed-up     1.53× [1.52, 1.55] (95 % CI), dense / pruned median latency 14.9 µs -> 9.75 µs',
      '  size         10.2 KiB -> 9.08 KiB (.tflite, dense -> pruned)',
      '  accuracy     47.2 % -> 46.0 % (TF.js), 47.2 % -> 46.0 % (.tflite), test split',
      '  sparse inference engaged: yes',
    ]);
  });

  it('Thai: the same numbers in Thai words; a synthetic device says so; no interval shows only the point', () => {
    const lines = formatHeadline({ ...host, synthetic: true, ci: null, sparseInference: 'no' }, 'th');
    assert.match(lines[0]!, /\[ข้อมูลจำลอง: โทรศัพท์จำลอง\]$/);
    assert.match(lines[1]!, /^ {2}อัตราเร่ง +1\.53×, มัธยฐานเวลาแฝง แบบหนาแน่น \/ แบบตัดแต่ง 14\.9 µs -> 9\.75 µs$/);
    assert.match(lines[2]!, /^ {2}ขนาด +10\.2 KiB -> 9\.08 KiB/);
    assert.match(lines[4]!, /ใช้การอนุมานแบบเบาบาง: ไม่$/);
  });
});
