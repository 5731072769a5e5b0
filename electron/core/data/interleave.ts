/**
 * Orders items by (index within group, group): the first item of every group, then the second of every group, ...
 * With classes as groups, any prefix or suffix of the result holds every class in near-equal shares, so the last
 * 10 % of the training files (validation) and the first N files (`limit`) are balanced. Sorting by path alone would
 * put the whole last class into validation.
 */
export function interleaveGroups<T>(groups: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...groups.map((group) => group.length));
  for (let i = 0; i < longest; i++) {
    for (const group of groups) {
      if (i < group.length) out.push(group[i]!);
    }
  }
  return out;
}
