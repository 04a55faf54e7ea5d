// micromark (remark's parser) is polynomial in container nesting: 500 nested list levels take 0.4 s, 1,000 take
// 2.6 s, 4,000 take over a minute, and remark-gfm then overflows the stack walking the tree. It is also
// quadratic in the emphasis delimiters of one paragraph (32 KB of `*_*_` takes 4 s). A draft is parsed on every
// keystroke, so remark gets a same-length copy where such floods are spaces: container markers past column 128
// of a line, and the `*` and `_` of a paragraph holding more than 1,000 of them. Offsets are unchanged, and
// prose is still read from the original text.
import { splitParagraphs } from '../text/sentences.js';

const MAX_CONTAINER_COLUMNS = 128;
const MAX_EMPHASIS_MARKS_PER_PARAGRAPH = 1_000;

// The block-quote and list markers that open a line, with the spaces between them.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/gm;
const EMPHASIS_MARK = /[*_]/g;

export function defuseMarkdown(text: string): string {
  return defuseEmphasis(text.replace(CONTAINER_PREFIX, limitNesting));
}

function limitNesting(prefix: string): string {
  if (prefix.length <= MAX_CONTAINER_COLUMNS) return prefix;
  return prefix.slice(0, MAX_CONTAINER_COLUMNS) + prefix.slice(MAX_CONTAINER_COLUMNS).replace(/[^ \t]/g, ' ');
}

function defuseEmphasis(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  for (const { start, end } of splitParagraphs(text)) {
    const paragraph = text.slice(start, end);
    if ((paragraph.match(EMPHASIS_MARK)?.length ?? 0) <= MAX_EMPHASIS_MARKS_PER_PARAGRAPH) continue;
    pieces.push(text.slice(copied, start), paragraph.replace(EMPHASIS_MARK, ' '));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}
