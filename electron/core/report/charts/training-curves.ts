import { linePanel, type LineSeries } from './line-panel';
import { PALETTE, SERIES, emptyChart, esc, svgOpen } from './svg';

export interface EpochPoint {
  epoch: number;
  loss: number | null;
  accuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
}

export interface TrainingCurvesInput {
  label: string;
  dense: EpochPoint[];
  /** Pruning (fine-tuning) epochs, drawn after the dense ones. */
  pruning: EpochPoint[];
}

function series(
  points: { x: number; p: EpochPoint }[],
  key: keyof Omit<EpochPoint, 'epoch'>,
  label: string,
  color: string,
  dashed: boolean,
): LineSeries {
  return {
    label,
    color,
    dashed,
    points: points.flatMap(({ x, p }) => (p[key] === null ? [] : [[x, p[key]] as [number, number]])),
  };
}

/** Loss and accuracy per epoch, training and validation; pruning epochs continue the x axis after a marker. */
export function trainingCurvesChart(input: TrainingCurvesInput): string {
  const title = `Training and validation — ${input.label}`;
  if (input.dense.length === 0 && input.pruning.length === 0)
    return emptyChart('training', title, 'No training metrics in this run.');
  const denseCount = input.dense.length;
  const points = [
    ...input.dense.map((p, i) => ({ x: i + 1, p })),
    ...input.pruning.map((p, i) => ({ x: denseCount + i + 1, p })),
  ];
  const markers = input.pruning.length > 0 && denseCount > 0 ? [{ x: denseCount + 0.5, label: 'pruning' }] : [];
  const width = 760;
  const height = 250;
  const loss = [
    series(points, 'loss', 'train loss', SERIES[0]!, false),
    series(points, 'valLoss', 'validation loss', SERIES[1]!, true),
  ];
  const accuracy = [
    series(points, 'accuracy', 'train accuracy', SERIES[2]!, false),
    series(points, 'valAccuracy', 'validation accuracy', SERIES[3]!, true),
  ];
  return [
    svgOpen('training', width, height, title),
    `<text x="10" y="16" font-weight="600" font-size="13">${esc(title)}</text>`,
    linePanel({ x: 0, y: 24, width: width / 2, height: height - 24 }, loss, { title: 'Loss', xLabel: 'epoch', markers }),
    linePanel({ x: width / 2, y: 24, width: width / 2, height: height - 24 }, accuracy, {
      title: 'Accuracy',
      xLabel: 'epoch',
      yRange: [0, 1],
      markers,
    }),
    `<text x="${width - 10}" y="16" text-anchor="end" fill="${PALETTE.muted}">${input.dense.length} dense + ${input.pruning.length} pruning epochs</text>`,
    '</svg>',
  ].join('');
}
