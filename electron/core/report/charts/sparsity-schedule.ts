import { linePanel, type LineSeries } from './line-panel';
import { PALETTE, SERIES, emptyChart, esc, svgOpen } from './svg';

export interface SparsityChartInput {
  label: string;
  schedule: string | null;
  targets: { step: number; target: number }[];
  tensors: { name: string; epochs: { epoch: number; step: number | null; sparsity: number | null }[] }[];
}

/** The scheduled target sparsity per step against each pruned tensor's actual sparsity at the end of each epoch. */
export function sparsityScheduleChart(input: SparsityChartInput): string {
  const title = `Sparsity: schedule vs actual — ${input.label}`;
  if (input.targets.length === 0 && input.tensors.length === 0)
    return emptyChart('sparsity', title, 'No pruning metrics in this run.');
  const series: LineSeries[] = [
    {
      label: 'scheduled target',
      color: PALETTE.text,
      step: true,
      dashed: true,
      points: input.targets.map((t) => [t.step, t.target]),
    },
    ...input.tensors.map((t, i) => ({
      label: t.name,
      color: SERIES[(i + 1) % SERIES.length]!,
      dotsOnly: false,
      points: t.epochs.flatMap((e) => (e.sparsity === null ? [] : [[e.step ?? e.epoch + 1, e.sparsity] as [number, number]])),
    })),
  ];
  const stepsKnown = input.tensors.every((t) => t.epochs.every((e) => e.step !== null));
  const width = 760;
  const height = 260;
  return [
    svgOpen('sparsity', width, height, title),
    `<text x="10" y="16" font-weight="600" font-size="13">${esc(title)}</text>`,
    linePanel({ x: 0, y: 24, width, height: height - 24 }, series, {
      title: input.schedule ?? 'schedule not recorded',
      xLabel: stepsKnown ? 'training step (actual sparsity measured at the end of each epoch)' : 'epoch',
      yRange: [0, 1],
    }),
    '</svg>',
  ].join('');
}
