import { useTranslation } from 'react-i18next';
import type { WhatifDevice } from '../../electron/core/whatif/whatif-report';
import { LineChart, type LineSeries } from '../report-view/charts/LineChart';
import { COLORS } from '../report-view/charts/axis';
import { useFormat } from '../report-view/use-format';

/** XNNPACK takes the sparse path only above 2/3 zeros in the 1x1 weights (in %, the chart's x unit). */
const SPARSE_RULE_PERCENT = 200 / 3;

/**
 * One device's median latency against sparsity, with the unpruned latency as a dashed line, the break-even on it
 * and XNNPACK's 2/3 rule as a guide line.
 */
export function WhatifLatencyChart({ device }: { device: WhatifDevice }) {
  const { t } = useTranslation();
  const f = useFormat();
  const measured = device.points.filter((p) => p.medianUs !== null);
  const dense = device.points.find((p) => p.sparsity === 0)?.medianUs ?? null;
  const { unit, divisor } = f.microsUnit(Math.max(0, ...measured.map((p) => p.medianUs!)));
  const xs = measured.map((p) => p.sparsity * 100);
  const series: LineSeries[] = [
    {
      name: t('whatif.chart.median'),
      markers: true,
      color: COLORS.pruned,
      points: measured.map((p) => ({ x: p.sparsity * 100, y: p.medianUs! / divisor })),
    },
  ];
  if (dense !== null && xs.length > 1)
    series.push({
      name: t('whatif.chart.dense'),
      dashed: true,
      color: COLORS.dense,
      points: [
        { x: Math.min(...xs), y: dense / divisor },
        { x: Math.max(...xs), y: dense / divisor },
      ],
    });
  if (dense !== null && device.breakEven.kind === 'interpolated')
    series.push({
      name: t('whatif.chart.breakEven', { value: f.percent(device.breakEven.sparsity, 1) }),
      dotsOnly: true,
      squareMarkers: true,
      color: COLORS.accent,
      points: [{ x: device.breakEven.sparsity * 100, y: dense / divisor }],
    });
  const showRule = xs.length > 0 && Math.min(...xs) < SPARSE_RULE_PERCENT && Math.max(...xs) > SPARSE_RULE_PERCENT;
  return (
    <div className="whatif-chart" data-testid={`whatif-chart-${device.device.id}`}>
      <h3>
        <span className="value">{device.device.label}</span>{' '}
        {device.synthetic ? <span className="tag synthetic">{t('whatif.report.synthetic')}</span> : null}
      </h3>
      <LineChart
        chart="whatif-latency"
        title={t('whatif.chart.title')}
        series={series}
        xLabel={t('whatif.chart.x')}
        yLabel={t('whatif.chart.y', { unit })}
        marks={showRule ? [SPARSE_RULE_PERCENT] : []}
        {...(showRule ? { marksLabel: t('whatif.chart.rule') } : {})}
        note={t('whatif.chart.note')}
        emptyText={t('whatif.chart.empty')}
      />
    </div>
  );
}
