/** Banker's rounding, as tf.round does (JS Math.round rounds halves up: 2.5 -> 3, here 2.5 -> 2). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff < 0.5) return floor;
  if (diff > 0.5) return floor + 1;
  return floor % 2 === 0 ? floor : floor + 1;
}
