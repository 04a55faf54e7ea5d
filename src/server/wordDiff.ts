// Which words of a source passage differ from the draft, so the hover can mark them.
import type { Problem } from '../core/types.js';
import { alignWords, words, type Word } from './wordAlign.js';

export interface PassageSegment {
  text: string;
  /** True for words the draft has differently (and the spaces between two such words). */
  marked: boolean;
}

/** The words of the problem's source value, where the passage has it, that the draft's value does not have. */
function differingWordsOfProblem(passage: string, problem: Problem): Word[] {
  if (!problem.source) return [];
  const escaped = problem.source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu').exec(passage)?.index;
  if (at === undefined) return [];
  const sourceWords = words(problem.source, at);
  const common = new Set(alignWords(words(problem.draft), sourceWords).map(([, j]) => j));
  const differing = sourceWords.filter((_, index) => !common.has(index));
  return differing.length > 0 ? differing : sourceWords;
}

/** Passage words inside the stretch the draft text aligns with, that the draft lacks. */
function differingWordsOfText(passage: string, draftText: string): Word[] {
  const passageWords = words(passage);
  const common = new Set(alignWords(words(draftText), passageWords).map(([, j]) => j));
  if (common.size === 0) return [];
  const first = Math.min(...common);
  const last = Math.max(...common);
  return passageWords.filter((_, index) => index > first && index < last && !common.has(index));
}

/**
 * Splits a passage into marked and unmarked segments. Marked: the source's side of each problem (only the words
 * that differ: "not" of "could not confirm"); when no problem value is found in the passage, the words inside
 * the aligned stretch that the draft lacks.
 */
export function markDifferences(passage: string, draftText: string, problems: readonly Problem[]): PassageSegment[] {
  let marked = problems.flatMap((problem) => differingWordsOfProblem(passage, problem));
  if (marked.length === 0 && problems.some((problem) => problem.type !== 'absent'))
    marked = differingWordsOfText(passage, draftText);
  const isMarked = new Uint8Array(passage.length);
  for (const word of marked) isMarked.fill(1, word.start, word.end);
  // Join neighbouring marked words so "incredibly encouraging" reads as one marked run.
  for (const match of passage.matchAll(/\s+/g)) {
    const before = match.index - 1;
    const after = match.index + match[0].length;
    if (before >= 0 && after < passage.length && isMarked[before] && isMarked[after])
      isMarked.fill(1, match.index, after);
  }
  const segments: PassageSegment[] = [];
  for (let i = 0; i < passage.length;) {
    let j = i;
    while (j < passage.length && isMarked[j] === isMarked[i]) j++;
    segments.push({ text: passage.slice(i, j), marked: isMarked[i] === 1 });
    i = j;
  }
  return segments;
}
