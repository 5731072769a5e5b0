import { useTranslation } from 'react-i18next';
import { LineChart, type LineSeries } from '../../../shared/report-view/charts/LineChart';
import type { TrainProgress } from '../state/train-progress';

/**
 * Loss and accuracy against epochs: per-batch training values (thin line) and per-epoch training and validation
 * values placed at the end of their epoch (epoch 1 at x = 1, as in the report), so the last epoch sits on the last step.
 */
export function TrainCharts({
  progress,
  prefix,
  titles,
}: {
  progress: TrainProgress;
  prefix: string;
  titles?: { loss: string; accuracy: string };
}) {
  const { t } = useTranslation();
  const shown = titles ?? { loss: t('wizard.charts.loss'), accuracy: t('wizard.charts.accuracy') };
  const perEpoch = progress.last?.stepsPerEpoch;
  const batchX = (step: number): number => (perEpoch ? step / perEpoch : step);
  const curves = (metric: 'loss' | 'accuracy', valMetric: 'valLoss' | 'valAccuracy'): LineSeries[] => [
    {
      name: t('wizard.charts.perBatch'),
      points: progress.batches.map((b) => ({ x: batchX(b.step), y: b[metric] })),
      color: '#9BB8D3',
    },
    {
      name: t('wizard.charts.epochMean'),
      points: progress.epochs.map((e) => ({ x: e.epoch + 1, y: e[metric] })),
      color: '#0072B2',
      markers: true,
    },
    {
      name: t('wizard.charts.validation'),
      points: progress.epochs.map((e) => ({ x: e.epoch + 1, y: e[valMetric] })),
      color: '#D55E00',
      markers: true,
      // Validation often lies on the training line: dashed, with hollow squares, it stays visible above it.
      squareMarkers: true,
      dashed: true,
    },
  ];
  return (
    <div className="chart-row">
      <LineChart
        chart={`${prefix}-loss`}
        emptyText={t('wizard.charts.noData')}
        title={shown.loss}
        series={curves('loss', 'valLoss')}
        xLabel={t('wizard.charts.epoch')}
        yLabel={t('wizard.charts.crossEntropy')}
      />
      <LineChart
        chart={`${prefix}-accuracy`}
        emptyText={t('wizard.charts.noData')}
        title={shown.accuracy}
        series={curves('accuracy', 'valAccuracy')}
        xLabel={t('wizard.charts.epoch')}
        yLabel={t('wizard.charts.accuracyAxis')}
        yDomain={[0, 1]}
      />
    </div>
  );
}
