// The smallest edit that turns the draft's value into the source's: "could confirm" -> insert "not", "to make"
// -> replace "make". Words only one side has at its ends are the source passage's surroundings, not a change.
import { alignWords, words } from './wordAlign.js';

export interface MinimalEdit {
  /** Offsets into the draft value. */
  start: number;
  end: number;
  newText: string;
  /** The source's words around the change, for the quick fix's title ("could not confirm"). */
  sourcePhrase: string;
  /** Some words of both sides lined up: the edit sits between them. False: the whole value is replaced. */
  anchored: boolean;
}

export function minimalEdit(draft: string, source: string): MinimalEdit | undefined {
  const a = words(draft);
  const b = words(source);
  const pairs = alignWords(a, b);
  if (pairs.length === 0)
    return { start: 0, end: draft.length, newText: source, sourcePhrase: source, anchored: false };
  // Anchors: virtual matches before the first and after the last word count only when both sides differ there.
  const [firstI, firstJ] = pairs[0];
  const [lastI, lastJ] = pairs[pairs.length - 1];
  const gaps: {
    draftStart: number;
    draftEnd: number;
    sourceStart: number;
    sourceEnd: number;
    from: number;
    to: number;
  }[] = [];
  if (firstI > 0 && firstJ > 0)
    gaps.push({
      draftStart: a[0].start,
      draftEnd: a[firstI].start,
      sourceStart: b[0].start,
      sourceEnd: b[firstJ].start,
      from: 0,
      to: firstJ,
    });
  for (let k = 1; k < pairs.length; k++) {
    const [i1, j1] = pairs[k - 1];
    const [i2, j2] = pairs[k];
    if (i2 > i1 + 1 || j2 > j1 + 1)
      gaps.push({
        draftStart: a[i1].end,
        draftEnd: a[i2].start,
        sourceStart: b[j1].end,
        sourceEnd: b[j2].start,
        from: j1,
        to: j2,
      });
  }
  if (lastI < a.length - 1 && lastJ < b.length - 1) {
    gaps.push({
      draftStart: a[lastI].end,
      draftEnd: a[a.length - 1].end,
      sourceStart: b[lastJ].end,
      sourceEnd: b[b.length - 1].end,
      from: lastJ,
      to: b.length - 1,
    });
  }
  if (gaps.length === 0) return undefined;
  const first = gaps[0];
  const last = gaps[gaps.length - 1];
  return {
    start: first.draftStart,
    end: last.draftEnd,
    newText: source.slice(first.sourceStart, last.sourceEnd),
    sourcePhrase: source.slice(b[first.from].start, b[last.to].end),
    anchored: true,
  };
}
