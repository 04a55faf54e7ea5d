// The checkable prose of a draft, with offsets into the original document so that diagnostics land on the
// right characters. Design: a same-length "masked" copy of the document in which everything that is not prose
// (front matter, code, HTML, URLs, link destinations, Markdown syntax such as `#`, `>` and `*`, disabled
// regions) is a space and line breaks are kept; blocks are spans of that copy. So a block quote spanning lines
// is one block whose `> ` markers are spaces, and every offset in a block is an offset in the document.
import type { Nodes, Root } from 'mdast';
import { splitParagraphs } from '../text/sentences.js';
import type { Span } from '../types.js';
import { parseMarkdown } from './parse-markdown.js';

export type ProseKind = 'paragraph' | 'heading' | 'blockquote' | 'list-item' | 'table-cell';

export interface ProseBlock {
  span: Span;
  /** The document's text over `span`, with non-prose characters replaced by spaces (same length). */
  text: string;
  kind: ProseKind;
}

export interface ProseDocument {
  /** The whole document, non-prose characters replaced by spaces: split sentences of this, not of the source. */
  masked: string;
  blocks: ProseBlock[];
}

export function extractProse(text: string, languageId: 'markdown' | 'plaintext'): ProseBlock[] {
  return maskProse(text, languageId).blocks;
}

/** The prose blocks and the masked document they are spans of (`splitSentences(masked, blockSpans)`). */
export function maskProse(text: string, languageId: 'markdown' | 'plaintext'): ProseDocument {
  return languageId === 'markdown' ? markdownProse(text) : plainTextProse(text);
}

function plainTextProse(text: string): ProseDocument {
  const prose = new Uint8Array(text.length).fill(1);
  applyDirectives(text, prose, findDirectives(text, 0));
  const masked = maskText(text, prose);
  const blocks = splitParagraphs(masked).map((span): ProseBlock => ({
    span,
    text: masked.slice(span.start, span.end),
    kind: 'paragraph',
  }));
  return { masked, blocks };
}

interface Region {
  span: Span;
  kind: ProseKind;
}

/** Where a node sits: what decides whether its text is prose and which kind of block it belongs to. */
interface Context {
  kind: ProseKind;
  /** Inside a block quote: continuation lines of its text start with `>` markers. */
  quoted: boolean;
  /** Inside struck-through text or an autolink, whose words are no claim. */
  excluded: boolean;
}

function markdownProse(text: string): ProseDocument {
  const prose = new Uint8Array(text.length);
  const regions: Region[] = [];
  const directives: Directive[] = [];

  const { tree, parsed } = parseMarkdown(text);
  // Iterative walk: nesting depth is up to the writer (500 levels of `>` must not overflow the stack).
  const stack: Array<[Nodes | Root, Context]> = [[tree, { kind: 'paragraph', quoted: false, excluded: false }]];
  while (stack.length > 0) {
    const [node, outer] = stack.pop()!;
    const span = spanOf(node);
    const context = contextOf(node, outer, text);
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      if (span) regions.push({ span, kind: context.kind });
    } else if (node.type === 'text' && span && !context.excluded) {
      markText(text, prose, span, context.quoted);
      unmarkUrls(text, prose, span);
    } else if (node.type === 'html' && span) {
      directives.push(...findDirectives(node.value, span.start));
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push([node.children[i]!, context]);
    }
  }

  applyDirectives(text, prose, directives);
  unmarkDefused(text, parsed, prose);
  const masked = maskText(text, prose);
  const blocks = regions.flatMap(({ span, kind }) =>
    splitParagraphs(masked.slice(span.start, span.end)).map((piece): ProseBlock => {
      const start = span.start + piece.start;
      const end = span.start + piece.end;
      return { span: { start, end }, text: masked.slice(start, end), kind };
    }),
  );
  return { masked, blocks };
}

function contextOf(node: Nodes | Root, outer: Context, text: string): Context {
  switch (node.type) {
    case 'heading':
      return { ...outer, kind: 'heading' };
    case 'tableCell':
      return { ...outer, kind: 'table-cell' };
    case 'listItem':
      return { ...outer, kind: 'list-item' };
    case 'blockquote':
      return { ...outer, kind: 'blockquote', quoted: true };
    case 'delete':
      return { ...outer, excluded: true };
    case 'link': {
      // `[words](url)` starts with its bracket; an autolink (`<https://…>`) is only the address.
      const start = spanOf(node)?.start;
      return start !== undefined && text[start] !== '[' ? { ...outer, excluded: true } : outer;
    }
    default:
      return outer;
  }
}

function spanOf(node: Nodes | Root): Span | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined && start < end ? { start, end } : undefined;
}

/** Marks a text node as prose; in a block quote, the `>` markers opening its continuation lines are not. */
function markText(text: string, prose: Uint8Array, span: Span, quoted: boolean): void {
  prose.fill(1, span.start, span.end);
  if (!quoted) return;
  for (let i = span.start; i < span.end; i++) {
    const code = text.charCodeAt(i);
    if (code !== 10 && code !== 13) continue;
    let j = i + 1;
    while (j < span.end && /[ \t>\r\n]/.test(text[j]!)) prose[j++] = 0;
    i = j - 1;
  }
}

// A bare address: GFM would make it a link (autolink literal); the parser leaves them as text for speed.
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]\u201D\u2019]/gi;

function unmarkUrls(text: string, prose: Uint8Array, span: Span): void {
  for (const match of text.slice(span.start, span.end).matchAll(BARE_URL)) {
    prose.fill(0, span.start + match.index!, span.start + match.index! + match[0].length);
  }
}

/** The markup the parser was given as placeholders (parse-markdown.ts: floods) is not prose. */
function unmarkDefused(text: string, parsed: string, prose: Uint8Array): void {
  if (parsed === text) return;
  for (let i = 0; i < text.length; i++) if (parsed.charCodeAt(i) !== text.charCodeAt(i)) prose[i] = 0;
}

type DirectiveKind = 'disable-next-line' | 'disable' | 'enable';

interface Directive {
  kind: DirectiveKind;
  span: Span;
}

const DIRECTIVE = /<!--\s*groundwork-(disable-next-line|disable|enable)\s*-->/g;

function findDirectives(text: string, offset: number): Directive[] {
  return [...text.matchAll(DIRECTIVE)].map((match) => ({
    kind: match[1] as DirectiveKind,
    span: { start: offset + match.index!, end: offset + match.index! + match[0].length },
  }));
}

/**
 * Unmarks the directives themselves, the next non-blank line after each `disable-next-line`, and everything
 * from a `disable` to the next `enable` (or the end of the document).
 */
function applyDirectives(text: string, prose: Uint8Array, directives: Directive[]): void {
  let disabledFrom: number | undefined;
  for (const { kind, span } of [...directives].sort((a, b) => a.span.start - b.span.start)) {
    prose.fill(0, span.start, span.end);
    if (kind === 'disable') {
      disabledFrom ??= span.end;
    } else if (kind === 'enable' && disabledFrom !== undefined) {
      prose.fill(0, disabledFrom, span.start);
      disabledFrom = undefined;
    } else if (kind === 'disable-next-line') {
      const line = nextNonBlankLine(text, span.end);
      if (line) prose.fill(0, line.start, line.end);
    }
  }
  if (disabledFrom !== undefined) prose.fill(0, disabledFrom, text.length);
}

function nextNonBlankLine(text: string, from: number): Span | undefined {
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = from;
  let previous = lineBreak.exec(text);
  while (previous) {
    const start = previous.index + previous[0].length;
    const next = lineBreak.exec(text);
    const end = next ? next.index : text.length;
    if (text.slice(start, end).trim()) return { start, end };
    previous = next;
  }
  return undefined;
}

/** The document with every character that is not prose replaced by a space, line breaks kept. */
function maskText(text: string, prose: Uint8Array): string {
  const chunks: string[] = [];
  let runStart = 0;
  for (let i = 1; i <= text.length; i++) {
    if (i < text.length && prose[i] === prose[runStart]) continue;
    const run = text.slice(runStart, i);
    chunks.push(prose[runStart] ? run : run.replace(/[^\r\n]/g, ' '));
    runStart = i;
  }
  return chunks.join('');
}
