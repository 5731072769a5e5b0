import { useTranslation } from 'react-i18next';
import type { Report, TrainingHistory } from '../../electron/core/report/types';
import { LineChart, type LineSeries } from './charts/LineChart';
import { useFormat } from './use-format';

type EpochKey = 'loss' | 'accuracy' | 'valLoss' | 'valAccuracy';

function curve(
  epochs: { x: number; e: TrainingHistory['epochs'][number] }[],
  key: EpochKey,
  name: string,
  dashed: boolean,
): LineSeries {
  return {
    name,
    dashed,
    markers: epochs.length <= 30,
    points: epochs.flatMap(({ x, e }) => (e[key] === null ? [] : [{ x, y: e[key] }])),
  };
}

/** Accuracy and loss per epoch (dense training, then pruning continues the epoch axis), and sparsity schedule vs actual. */
export function TrainingCharts({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const charts = report.runs.flatMap((run) => {
    const dense = report.training.find((h) => h.run === run.id && h.phase === 'dense')?.epochs ?? [];
    const pruning = report.training.find((h) => h.run === run.id && h.phase === 'pruning')?.epochs ?? [];
    if (!dense.length && !pruning.length) return [];
    const points = [...dense.map((e, i) => ({ x: i + 1, e })), ...pruning.map((e, i) => ({ x: dense.length + i + 1, e }))];
    const note = t('report.training.epochs', { dense: dense.length, pruning: pruning.length });
    return [
      <LineChart
        key={`${run.id}-acc`}
        chart="training"
        title={t('report.training.accuracyTitle', { run: run.id })}
        series={[
          curve(points, 'accuracy', t('report.training.trainAccuracy'), false),
          curve(points, 'valAccuracy', t('report.training.valAccuracy'), true),
        ]}
        xLabel={t('report.training.epoch')}
        yLabel={t('report.training.accuracy')}
        yTick={(v) => f.percent(v, 0)}
        yDomain={[0, 1]}
        marks={dense.length && pruning.length ? [dense.length + 0.5] : []}
        note={note}
      />,
      <LineChart
        key={`${run.id}-loss`}
        chart="training"
        title={t('report.training.lossTitle', { run: run.id })}
        series={[
          curve(points, 'loss', t('report.training.trainLoss'), false),
          curve(points, 'valLoss', t('report.training.valLoss'), true),
        ]}
        xLabel={t('report.training.epoch')}
        yLabel={t('report.training.loss')}
        marks={dense.length && pruning.length ? [dense.length + 0.5] : []}
      />,
    ];
  });
  const sparsity = report.sparsity.flatMap((s) => {
    if (!s.schedule.length && !s.tensors.length) return [];
    const stepsKnown = s.tensors.every((tensor) => tensor.epochs.every((e) => e.step !== null));
    const series: LineSeries[] = [
      { name: t('report.training.target'), dashed: true, points: s.schedule.map((p) => ({ x: p.step, y: p.target })) },
      ...s.tensors.map((tensor) => ({
        name: tensor.name,
        markers: true,
        points: tensor.epochs.flatMap((e) => (e.sparsity === null ? [] : [{ x: e.step ?? e.epoch + 1, y: e.sparsity }])),
      })),
    ];
    return [
      <LineChart
        key={`${s.run}-sparsity`}
        chart="sparsity"
        title={t('report.training.sparsityTitle', { run: s.run })}
        series={series}
        xLabel={stepsKnown ? t('report.training.step') : t('report.training.epoch')}
        yLabel={t('report.training.sparsity')}
        yTick={(v) => f.percent(v, 0)}
        yDomain={[0, 1]}
        marks={s.maskUpdateSteps}
        note={s.scheduleText ?? t('report.training.noSchedule')}
      />,
    ];
  });
  if (!charts.length && !sparsity.length) return <p className="muted">{t('report.training.none')}</p>;
  return <div className="chart-grid">{[...charts, ...sparsity]}</div>;
}
