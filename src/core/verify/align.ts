// Word alignment of a draft's words against a source window: which words are shared, which differ. The draft
// side must be aligned whole; the source side may start and end anywhere (a semi-global edit distance).

export type AlignmentOp =
  | { kind: 'equal'; draft: [number, number]; source: [number, number] }
  | { kind: 'differ'; draft: [number, number]; source: [number, number] };

export interface Alignment {
  ops: AlignmentOp[];
  /** Draft words matched exactly. */
  matched: number;
  /** Source range covered by the alignment. */
  sourceStart: number;
  sourceEnd: number;
}

/** Aligns `draft` (whole) inside `source` (any substring), minimising word edits. */
export function alignWords(draft: readonly string[], source: readonly string[]): Alignment {
  const rows = draft.length + 1;
  const cols = source.length + 1;
  const cost = new Uint32Array(rows * cols);
  for (let i = 1; i < rows; i++) cost[i * cols] = i;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const diagonal = cost[(i - 1) * cols + j - 1] + (draft[i - 1] === source[j - 1] ? 0 : 1);
      const up = cost[(i - 1) * cols + j] + 1;
      const left = cost[i * cols + j - 1] + 1;
      cost[i * cols + j] = Math.min(diagonal, up, left);
    }
  }
  let bestEnd = 0;
  for (let j = 1; j < cols; j++) if (cost[(rows - 1) * cols + j] < cost[(rows - 1) * cols + bestEnd]) bestEnd = j;

  const steps: ('eq' | 'sub' | 'del' | 'ins')[] = [];
  let i = rows - 1;
  let j = bestEnd;
  while (i > 0) {
    const here = cost[i * cols + j];
    // On a tie, a word added or dropped reads better than a word replaced ("had not been" vs "had been").
    if (j > 0 && draft[i - 1] === source[j - 1] && here === cost[(i - 1) * cols + j - 1]) {
      steps.push('eq');
      i--;
      j--;
    } else if (j > 0 && here === cost[i * cols + j - 1] + 1) {
      steps.push('ins');
      j--;
    } else if (here === cost[(i - 1) * cols + j] + 1) {
      steps.push('del');
      i--;
    } else {
      steps.push('sub');
      i--;
      j--;
    }
  }
  steps.reverse();
  return collect(steps, j, bestEnd);
}

function collect(steps: ('eq' | 'sub' | 'del' | 'ins')[], sourceStart: number, sourceEnd: number): Alignment {
  const ops: AlignmentOp[] = [];
  let d = 0;
  let s = sourceStart;
  let matched = 0;
  for (const step of steps) {
    const kind = step === 'eq' ? 'equal' : 'differ';
    const last = ops[ops.length - 1];
    const dNext = step === 'ins' ? d : d + 1;
    const sNext = step === 'del' ? s : s + 1;
    if (last && last.kind === kind) {
      last.draft[1] = dNext;
      last.source[1] = sNext;
    } else {
      ops.push({ kind, draft: [d, dNext], source: [s, sNext] } as AlignmentOp);
    }
    if (step === 'eq') matched++;
    d = dNext;
    s = sNext;
  }
  return { ops, matched, sourceStart, sourceEnd };
}

/** A stretch between two shared words: draft words [draft) stand where the source has [source). */
export interface Gap {
  draft: [number, number];
  source: [number, number];
}

/**
 * The longest common subsequence of two word lists, as the gaps between its matched words (including the
 * stretches before the first and after the last match). A word the draft swapped for another lies in a gap
 * opposite the source's word, wherever the rest of the sentence moved.
 */
export function gapsBetweenSharedWords(
  draft: readonly string[],
  source: readonly string[],
): { matched: number; gaps: Gap[] } {
  const rows = draft.length + 1;
  const cols = source.length + 1;
  const lengths = new Uint16Array(rows * cols);
  for (let i = draft.length - 1; i >= 0; i--) {
    for (let j = source.length - 1; j >= 0; j--) {
      lengths[i * cols + j] =
        draft[i] === source[j]
          ? lengths[(i + 1) * cols + j + 1] + 1
          : Math.max(lengths[(i + 1) * cols + j], lengths[i * cols + j + 1]);
    }
  }
  const gaps: Gap[] = [];
  let i = 0;
  let j = 0;
  let gapDraft = 0;
  let gapSource = 0;
  let matched = 0;
  while (i < draft.length && j < source.length) {
    if (draft[i] === source[j]) {
      if (gapDraft < i || gapSource < j) gaps.push({ draft: [gapDraft, i], source: [gapSource, j] });
      matched++;
      i++;
      j++;
      gapDraft = i;
      gapSource = j;
    } else if (lengths[(i + 1) * cols + j] >= lengths[i * cols + j + 1]) {
      i++;
    } else {
      j++;
    }
  }
  if (gapDraft < draft.length || gapSource < source.length) {
    gaps.push({ draft: [gapDraft, draft.length], source: [gapSource, source.length] });
  }
  return { matched, gaps };
}
