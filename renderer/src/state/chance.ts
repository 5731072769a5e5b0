// Is an accuracy distinguishable from guessing? With k classes a guess is right with p = 1/k; on n test images the
// guessing accuracy has standard deviation sqrt(p(1-p)/n), so anything below p + 2 sd is "at chance".

export function chanceLevel(classes: number): number {
  return 1 / Math.max(1, classes);
}

export function atChance(accuracy: number, classes: number, images: number): boolean {
  const p = chanceLevel(classes);
  const sd = Math.sqrt((p * (1 - p)) / Math.max(1, images));
  return accuracy < p + 2 * sd;
}
