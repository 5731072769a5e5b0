import { LineChart, type LineSeries } from '../charts/LineChart';
import type { TrainProgress } from '../state/train-progress';

/** Loss and accuracy against epochs: per-batch training values (thin line), per-epoch training and validation. */
export function TrainCharts({ progress, prefix }: { progress: TrainProgress; prefix: string }) {
  const perEpoch = progress.last?.stepsPerEpoch;
  const batchX = (step: number): number => (perEpoch ? step / perEpoch : step);
  const curves = (metric: 'loss' | 'accuracy', valMetric: 'valLoss' | 'valAccuracy'): LineSeries[] => [
    {
      name: 'training (per batch)',
      points: progress.batches.map((b) => ({ x: batchX(b.step), y: b[metric] })),
      color: '#9BB8D3',
    },
    {
      name: 'training (epoch)',
      points: progress.epochs.map((e) => ({ x: e.epoch, y: e[metric] })),
      color: '#0072B2',
      markers: true,
    },
    {
      name: 'validation (epoch)',
      points: progress.epochs.map((e) => ({ x: e.epoch, y: e[valMetric] })),
      color: '#D55E00',
      markers: true,
    },
  ];
  return (
    <div className="chart-row">
      <LineChart name={`${prefix}-loss`} title="Loss" series={curves('loss', 'valLoss')} xLabel="epoch" yLabel="cross-entropy" />
      <LineChart
        name={`${prefix}-accuracy`}
        title="Accuracy"
        series={curves('accuracy', 'valAccuracy')}
        xLabel="epoch"
        yLabel="accuracy"
        yDomain={[0, 1]}
      />
    </div>
  );
}
