// The backtick runs of a paragraph that cannot open a code span. micromark tries each run as an opener by
// scanning the rest of the paragraph for a run of the same length; a run with no such partner costs a scan to
// the paragraph's end and is then literal text. Runs of many distinct lengths (`` ` `` `` `` `` ``` …) make
// that quadratic: 44 of them in a 200 KB paragraph took 13 s. CommonMark pairs an opener with the next run of
// its length and skips what lies between, which this replays in one pass (escapes are not replayed: a
// backslash before a run only shortens it, so at worst a run is thought paired when it is not).
import type { Span } from '../types.js';

const BACKTICK_RUN = /`+/g;

/** The runs micromark would scan past the end of the paragraph for, as spans of `paragraph`. */
export function unpairedBacktickRuns(paragraph: string): Span[] {
  const runs = [...paragraph.matchAll(BACKTICK_RUN)].map((match) => ({
    start: match.index!,
    end: match.index! + match[0].length,
  }));
  // For each run, the index of the next run of the same length (or -1), found walking backwards.
  const nextSameLength = new Array<number>(runs.length);
  const lastSeen = new Map<number, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const length = runs[i]!.end - runs[i]!.start;
    nextSameLength[i] = lastSeen.get(length) ?? -1;
    lastSeen.set(length, i);
  }
  const unpaired: Span[] = [];
  for (let i = 0; i < runs.length; i++) {
    const partner = nextSameLength[i]!;
    if (partner === -1) unpaired.push(runs[i]!);
    else i = partner; // a code span: what lies inside it is code, not openers
  }
  return unpaired;
}
