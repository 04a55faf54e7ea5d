// The binary search every sorted list here needs: where, in ascending order, the items before a position end.

/**
 * The first index in [0, count) at which `isBefore` is false, for a predicate that holds for a prefix of the
 * indices and for none after it; `count` when it holds for all.
 */
export function partitionPoint(count: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
