// Parses a draft's Markdown (CommonMark, GFM tables, strikethrough and footnotes, front matter) in time that
// stays bounded whatever is typed. micromark, remark's parser, is polynomial in container nesting: 500 nested
// list levels take 0.4 s, 1,000 take 2.6 s, 4,000 over a minute (and overflow the stack in tree walkers). It
// is quadratic in the inline delimiters of one paragraph: 32 KB of `*_*_` takes 4 s, 40 KB of `~a` 10 s, of
// `[x]` or `](` 3 s, of `[a]: ` 4 s, and backtick runs of distinct lengths, `<a` and `[^` grow the same way (a
// 200 KB draft took over 120 s). So remark gets a same-length copy where such floods are a placeholder letter:
// container markers past column 128 of a line, and each kind of delimiter in a paragraph holding more than
// 1,000 of it. Offsets are unchanged; callers read prose from the original text, with the replaced characters
// left out of it (they are markup). A letter, not a space: four spaces opening a line make an indented code
// block, and the sentence behind the flood was dropped as code. GFM autolink literals are left out: they doubled the parse time of a 3,000-word draft (5 ms
// -> 10 ms; remark-gfm as a whole took 12-15 ms), which is on the per-keystroke path; bare URLs are masked by
// the caller instead.
import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { splitParagraphs } from '../text/sentences.js';
import { unpairedBacktickRuns } from './unpaired-backticks.js';

const MAX_CONTAINER_COLUMNS = 128;
const MAX_DELIMITERS_PER_PARAGRAPH = 1_000;

// The table extension makes micromark ~10x slower per character on long lines (1 MB: 1.4 s against 0.15 s),
// and a table needs a `|`: documents without one are parsed without it.
const withTables = markdownProcessor(true);
const withoutTables = markdownProcessor(false);

function markdownProcessor(tables: boolean) {
  return unified()
    .use(remarkParse)
    .use(remarkFrontmatter, ['yaml', 'toml'])
    .use(function gfmWithoutAutolinks(this: Processor) {
      const data = this.data();
      (data.micromarkExtensions ??= []).push(gfmStrikethrough(), gfmFootnote(), ...(tables ? [gfmTable()] : []));
      (data.fromMarkdownExtensions ??= []).push(
        gfmStrikethroughFromMarkdown(),
        gfmFootnoteFromMarkdown(),
        ...(tables ? [gfmTableFromMarkdown()] : []),
      );
    })
    .freeze();
}

// The block-quote and list markers that open a line, with the spaces between them.
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))+/gm;
// Delimiters micromark pairs by searching the rest of a paragraph (or its events so far) for a partner:
// emphasis, strikethrough, link and footnote brackets, autolinks and HTML. (Backticks: unpaired-backticks.ts.)
const DELIMITER_KINDS = [/[*_]/g, /~/g, /[[\]]/g, /</g];
// How many characters micromark may scan past unpaired backtick runs in one paragraph (1 MB: about 0.2 s).
const MAX_BACKTICK_SCAN = 1_000_000;

const PLACEHOLDER = 'x';

/** The syntax tree, and the same-length copy it was parsed from (where it differs from `text`, a flood was defused). */
export function parseMarkdown(text: string): { tree: Root; parsed: string } {
  const parsed = defuseFloods(text.replace(CONTAINER_PREFIX, limitNesting));
  return { tree: (text.includes('|') ? withTables : withoutTables).parse(parsed), parsed };
}

function limitNesting(prefix: string): string {
  if (prefix.length <= MAX_CONTAINER_COLUMNS) return prefix;
  return prefix.slice(0, MAX_CONTAINER_COLUMNS) + prefix.slice(MAX_CONTAINER_COLUMNS).replace(/[^ \t]/g, PLACEHOLDER);
}

function defuseFloods(text: string): string {
  const pieces: string[] = [];
  let copied = 0;
  for (const { start, end } of splitParagraphs(text)) {
    const paragraph = text.slice(start, end);
    const defused = defuseBackticks(
      DELIMITER_KINDS.reduce(
        (copy, kind) =>
          (copy.match(kind)?.length ?? 0) > MAX_DELIMITERS_PER_PARAGRAPH ? copy.replace(kind, PLACEHOLDER) : copy,
        paragraph,
      ),
    );
    if (defused === paragraph) continue;
    pieces.push(text.slice(copied, start), defused);
    copied = end;
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** The paragraph with its unpaired backtick runs as spaces when micromark would scan too far past them. */
function defuseBackticks(paragraph: string): string {
  const unpaired = unpairedBacktickRuns(paragraph);
  const scan = unpaired.reduce((total, run) => total + paragraph.length - run.end, 0);
  if (scan <= MAX_BACKTICK_SCAN) return paragraph;
  const pieces: string[] = [];
  let copied = 0;
  for (const run of unpaired) {
    pieces.push(paragraph.slice(copied, run.start), PLACEHOLDER.repeat(run.end - run.start));
    copied = run.end;
  }
  pieces.push(paragraph.slice(copied));
  return pieces.join('');
}
