// A source's metadata (title, date, url, author, citation key) and where its prose begins. Three conventions are
// read: Markdown front matter (`---` ... `---`, one `key: value` a line), the leading `date YYYY-MM-DD` marker
// that news exports such as the seed article carry, and a plain-text article's headline on its first line. The
// date matters: a draft's "on Tuesday" or "last month" is resolved against it; the title is how messages name
// the source to the writer.
import { basename, extname } from 'node:path';
import * as chrono from 'chrono-node';
import type { SourceMetadata, Span } from '../types.js';

const FRONT_MATTER = /^\uFEFF?---[^\S\r\n]*(?:\r\n|\r|\n)(?:([\s\S]*?)(?:\r\n|\r|\n))?---[^\S\r\n]*(?:\r\n|\r|\n|$)/;
const FRONT_MATTER_LINE = /^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/;
const DATE_MARKER = /^\s*date[^\S\r\n]+(\d{4}-\d{2}-\d{2})\b/i;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/;
const FIELDS = ['title', 'date', 'url', 'author', 'id'] as const;
// A headline is short and stops without the punctuation that ends (or breaks off) a sentence of prose.
const HEADLINE_MAX_CHARS = 120;
const FIRST_LINE = /[^\S\r\n]*(.*?)[^\S\r\n]*(?:\r\n|\r|\n)/y; // sticky: read from lastIndex, not a copy
const PROSE_LINE_END = /[.!?…:;,]["'”’)\]]*$/;

export function readMetadata(path: string, text: string): { metadata: SourceMetadata; body: Span } {
  const metadata: SourceMetadata = { id: basename(path, extname(path)) };
  let bodyStart = 0;

  const frontMatter = FRONT_MATTER.exec(text);
  if (frontMatter) {
    Object.assign(metadata, parseFrontMatter(frontMatter[1] ?? ''));
    bodyStart = frontMatter[0].length;
  }

  const marker = DATE_MARKER.exec(text.slice(bodyStart));
  if (marker) {
    metadata.date ??= normalizeDate(marker[1]!);
    bodyStart += marker[0].length;
  }

  while (bodyStart < text.length && /\s/.test(text[bodyStart]!)) bodyStart++;
  if (metadata.title === undefined && extname(path).toLowerCase() === '.txt') {
    const headline = plainTextHeadline(text, bodyStart);
    if (headline) metadata.title = headline;
  }
  return { metadata, body: { start: bodyStart, end: text.length } };
}

/**
 * The first line of a plain-text article when it reads as a headline (articles saved as text start with one).
 * It stays in the body: a draft may quote the headline too.
 */
function plainTextHeadline(text: string, start: number): string | undefined {
  FIRST_LINE.lastIndex = start;
  const line = FIRST_LINE.exec(text)?.[1];
  if (!line || line.length > HEADLINE_MAX_CHARS || PROSE_LINE_END.test(line) || !/\p{L}/u.test(line)) return undefined;
  return line;
}

function parseFrontMatter(block: string): Partial<SourceMetadata> {
  const fields: Partial<SourceMetadata> = {};
  for (const line of block.split(/\r\n|\r|\n/)) {
    const match = FRONT_MATTER_LINE.exec(line);
    if (!match) continue;
    const key = match[1]!.toLowerCase();
    const value = unquote(match[2]!);
    if (!value || !(FIELDS as readonly string[]).includes(key)) continue;
    const field = key as (typeof FIELDS)[number];
    if (field === 'date') {
      const date = normalizeDate(value);
      if (date) fields.date = date;
    } else {
      fields[field] = value;
    }
  }
  return fields;
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const single = /^'((?:[^']|'')*)'$/.exec(value);
  if (single) return single[1]!.replace(/''/g, "'");
  return value.replace(/\s+#.*$/, ''); // YAML comment after an unquoted value
}

/** YYYY-MM-DD from an ISO date or datetime, or from a written date ("June 11, 2021", "11 June 2021"). */
export function normalizeDate(value: string): string | undefined {
  const iso = ISO_DATE.exec(value.trim());
  if (iso) return formatDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const parsed = chrono.parse(value)[0]?.start;
  if (!parsed || !parsed.isCertain('year') || !parsed.isCertain('month') || !parsed.isCertain('day')) return undefined;
  return formatDate(parsed.get('year')!, parsed.get('month')!, parsed.get('day')!);
}

function formatDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
