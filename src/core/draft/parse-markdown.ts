// Parses a draft's Markdown (CommonMark + GFM + front matter) in time that stays bounded whatever is typed.
// micromark, remark's parser, is polynomial in container nesting: 500 nested list levels take 0.4 s, 1,000 take
// 2.6 s, 4,000 over a minute, and remark-gfm then overflows the stack walking the tree. It is quadratic in the
// emphasis delimiters of one paragraph (32 KB of `*_*_` takes 4 s), and remark-gfm is quadratic in the length
// of one paragraph (600 KB: 4.5 s against 0.2 s without it). So remark gets a same-length copy where such
// floods are spaces (container markers past column 128 of a line; the `*` and `_` of a paragraph holding more
// than 1,000 of them), and a document with a paragraph longer than any real one is read without GFM.
// Offsets are unchanged; callers read prose from the original text.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitParagraphs } from '../text/sentences.js';
import type { Span } from '../types.js';

const MAX_CONTAINER_COLUMNS = 128;
const MAX_EMPHASIS_MARKS_PER_PARAGRAPH = 1_000;
const GFM_MAX_PARAGRAPH_CHARS = 50_000;

const commonmark = unified().use(remarkParse).use(remarkFrontmatter, ['yaml', 'toml']).freeze();
const gfm = commonmark().use(remarkGfm).freeze();

// The block-quote and list markers that open a line, with the spaces between them.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/gm;
const EMPHASIS_MARK = /[*_]/g;

export function parseMarkdown(text: string): Root {
  const nestingLimited = text.replace(CONTAINER_PREFIX, limitNesting);
  const paragraphs = splitParagraphs(nestingLimited);
  const longest = paragraphs.reduce((max, { start, end }) => Math.max(max, end - start), 0);
  const processor = longest > GFM_MAX_PARAGRAPH_CHARS ? commonmark : gfm;
  return processor.parse(defuseEmphasis(nestingLimited, paragraphs));
}

function limitNesting(prefix: string): string {
  if (prefix.length <= MAX_CONTAINER_COLUMNS) return prefix;
  return prefix.slice(0, MAX_CONTAINER_COLUMNS) + prefix.slice(MAX_CONTAINER_COLUMNS).replace(/[^ \t]/g, ' ');
}

function defuseEmphasis(text: string, paragraphs: Span[]): string {
  const pieces: string[] = [];
  let copied = 0;
  for (const { start, end } of paragraphs) {
    const paragraph = text.slice(start, end);
    if ((paragraph.match(EMPHASIS_MARK)?.length ?? 0) <= MAX_EMPHASIS_MARKS_PER_PARAGRAPH) continue;
    pieces.push(text.slice(copied, start), paragraph.replace(EMPHASIS_MARK, ' '));
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}
