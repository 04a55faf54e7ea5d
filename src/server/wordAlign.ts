// Word-level alignment of two short texts (a draft's value and the source's), shared by the hover's marks and
// the quick fixes' minimal edits.
import { readWords } from '../core/text/words.js';

export interface Word {
  start: number;
  end: number;
  /** Compared form: lower case, typographic apostrophe folded. */
  key: string;
}

/** The words of `text` as every reader reads them (text/words.ts), with document offsets. */
export function words(text: string, offset = 0): Word[] {
  const result: Word[] = [];
  for (const word of readWords(text)) {
    if (word.kind === 'word')
      result.push({ start: offset + word.start, end: offset + word.end, key: word.lower.replace(/’/g, "'") });
  }
  return result;
}

/** Index pairs [i in a, j in b] of a longest common subsequence of the two word lists, in order. */
export function alignWords(a: readonly Word[], b: readonly Word[]): [number, number][] {
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i][j] = a[i].key === b[j].key ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i].key === b[j].key) pairs.push([i++, j++]);
    else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  return pairs;
}
