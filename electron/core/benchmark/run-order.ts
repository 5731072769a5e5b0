/** Interleaves repetitions so that slow drifts (heat, battery) hit every model alike: A B A B ... */
export function runOrder<T>(items: readonly T[], repeat: number): { item: T; repetition: number }[] {
  const order: { item: T; repetition: number }[] = [];
  for (let repetition = 0; repetition < repeat; repetition++) {
    for (const item of items) order.push({ item, repetition });
  }
  return order;
}
