export const STEPS = [
  { n: 1, name: 'data', title: 'Data' },
  { n: 2, name: 'model', title: 'Model' },
  { n: 3, name: 'train', title: 'Train' },
  { n: 4, name: 'prune', title: 'Prune' },
  { n: 5, name: 'convert', title: 'Convert' },
  { n: 6, name: 'benchmark', title: 'Benchmark' },
  { n: 7, name: 'report', title: 'Report' },
] as const;

export type StepNumber = (typeof STEPS)[number]['n'];

/** The step an arrow / Home / End key moves to from `current` in the vertical step list (wraps around). */
export function stepForKey(current: number, key: string): number | undefined {
  const count = STEPS.length;
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (current % count) + 1;
    case 'ArrowUp':
    case 'ArrowLeft':
      return ((current + count - 2) % count) + 1;
    case 'Home':
      return 1;
    case 'End':
      return count;
    default:
      return undefined;
  }
}
