import { createFormatters } from '../../../shared/format/formatters';
import { createI18n, type Language } from '../../../shared/i18n/i18n';
import type { ModelRole, Report } from './types';

/** The few numbers a run ends with, per device: what the pipeline prints before the report's path. */
export interface ReportHeadline {
  device: string;
  label: string;
  synthetic: boolean;
  speedup: number | null;
  ci: { low: number; high: number; level: number } | null;
  medianUs: Record<ModelRole, number | null>;
  bytes: Record<ModelRole, number | null>;
  accuracyTfjs: Record<ModelRole, number | null>;
  accuracyTflite: Record<ModelRole, number | null>;
  /** Whether XNNPACK's sparse path ran for the pruned model on this device. */
  sparseInference: 'yes' | 'no' | 'unknown';
}

export function reportHeadline(report: Report): ReportHeadline[] {
  const run = report.runs[0]?.id;
  const model = (role: ModelRole) => report.models.find((m) => m.run === run && m.role === role);
  const both = <T>(pick: (role: ModelRole) => T): Record<ModelRole, T> => ({ dense: pick('dense'), pruned: pick('pruned') });
  const devices = [...new Set(report.benchmarks.filter((b) => b.run === run).map((b) => b.device))];
  return devices.map((device) => {
    const bench = (role: ModelRole) => report.benchmarks.find((b) => b.run === run && b.device === device && b.role === role);
    const speedup = report.speedups.find((s) => s.run === run && s.device === device);
    return {
      device,
      label: report.devices.find((d) => d.id === device)?.label ?? device,
      synthetic: (bench('dense')?.synthetic ?? false) || (bench('pruned')?.synthetic ?? false),
      speedup: speedup?.speedup ?? null,
      ci: speedup?.ci ? { low: speedup.ci.low, high: speedup.ci.high, level: speedup.ci.level } : null,
      medianUs: both((role) => bench(role)?.latency.median ?? null),
      bytes: both((role) => model(role)?.bytes ?? null),
      accuracyTfjs: both((role) => model(role)?.accuracyTfjs ?? null),
      accuracyTflite: both((role) => model(role)?.accuracyTflite ?? null),
      sparseInference: bench('pruned')?.sparseInference.engaged ?? 'unknown',
    };
  });
}

/** One device's headline as text lines (CLI), with the report's formatters and words in `lang`. */
export function formatHeadline(h: ReportHeadline, lang: Language = 'en'): string[] {
  const f = createFormatters(lang);
  const { t } = createI18n(lang);
  const pair = (values: Record<ModelRole, number | null>, format: (v: number | null) => string) =>
    `${format(values.dense)} -> ${format(values.pruned)}`;
  const speedup = h.ci
    ? t('cli.headline.speedupCi', {
        speedup: f.times(h.speedup),
        low: f.number(h.ci.low),
        high: f.number(h.ci.high),
        level: f.number(h.ci.level * 100, 0),
      })
    : f.times(h.speedup);
  const label = (key: string) => t(`cli.headline.${key}`).padEnd(12);
  return [
    `${h.label}${h.synthetic ? ` [${t('report.synthetic.emulated')}]` : ''}`,
    `  ${label('speedup')} ${speedup}, ${t('cli.headline.medians')} ${pair(h.medianUs, f.micros)}`,
    `  ${label('size')} ${pair(h.bytes, f.bytes)} ${t('cli.headline.sizeNote')}`,
    `  ${label('accuracy')} ${pair(h.accuracyTfjs, (v) => f.percent(v))} (TF.js), ${pair(h.accuracyTflite, (v) => f.percent(v))} (.tflite), ${t('cli.headline.testSplit')}`,
    `  ${t(`report.headline.sparse.${h.sparseInference}`)}`,
  ];
}
