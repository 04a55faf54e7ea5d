// Rows read from the team corpus, checked before use: the database is shared, and a row written by another
// version, by hand, or damaged is skipped with a warning naming it (as a bad source file is), never trusted.
import type { CorpusTotals, RemoteDocument } from '../../core/corpus/backend.js';
import { TEAM_PREFIX } from '../../core/corpus/origin.js';
import type { Sentence, SourceMetadata } from '../../core/types.js';

type Row = Record<string, unknown>;

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * A document's sentences as one row (`DOCUMENT_SENTENCES_SQL`): their count and first and last ordinals, each one's
 * start, end, paragraph and length in terms as numbers separated by spaces, and their terms, a line each. One row
 * per document rather than one per sentence: the client's row parsing and the garbage it left were most of the
 * cost of bringing documents in (35,805 sentence rows for the bench draft's 853 documents).
 */
export const DOCUMENT_SENTENCES_SQL = `
  SELECT document_id::text AS id, count(*)::int AS count, min(ord) AS first, max(ord) AS last,
         string_agg(start_offset || ' ' || end_offset || ' ' || paragraph || ' ' || length, ' ' ORDER BY ord) AS numbers,
         string_agg(terms, E'\\n' ORDER BY ord) AS terms
  FROM sentences WHERE document_id = ANY ($1::bigint[]) GROUP BY document_id`;

/** Each sentence's numbers in DOCUMENT_SENTENCES_SQL: start, end, paragraph, length. */
const NUMBERS_PER_SENTENCE = 4;

export function decodeDocument(
  row: Row,
  sentencesRow: Row | undefined,
  formatVersion: number,
): RemoteDocument | { problem: string } {
  const name = typeof row.path === 'string' && row.path !== '' ? row.path : `document ${String(row.id)}`;
  const skip = (why: string) => ({ problem: `${TEAM_PREFIX}${name}: ${why}; skipped` });
  if (typeof row.id !== 'string' || !/^\d+$/.test(row.id)) return skip('stored without a valid id');
  if (typeof row.path !== 'string' || row.path === '') return skip('stored without a path');
  if (typeof row.text !== 'string') return skip('stored without its text');
  if (typeof row.hash !== 'string' || !SHA256.test(row.hash)) return skip('stored without a valid content hash');
  if (row.format_version !== formatVersion) {
    return skip(
      `analysed by another Groundwork version (index format ${String(row.format_version)}, not ${formatVersion}): push it again`,
    );
  }
  const metadata = decodeMetadata(row.metadata);
  if (!metadata) return skip('stored with unreadable metadata');
  const count = sentencesRow ? sentencesRow.count : 0;
  if (typeof count !== 'number' || count !== row.sentence_count)
    return skip(`stored with ${String(count)} of its ${String(row.sentence_count)} sentences`);
  const text = row.text;
  const sentences: Sentence[] = [];
  let sentenceTerms: string[] = [];
  if (sentencesRow && count > 0) {
    // Ordinals are unique (the primary key): from 0 to count - 1 they are each sentence's place.
    if (sentencesRow.first !== 0 || sentencesRow.last !== count - 1) return skip('stored with sentences missing');
    const { numbers, terms } = sentencesRow;
    const values = typeof numbers === 'string' ? counts(numbers) : undefined;
    if (values?.length !== count * NUMBERS_PER_SENTENCE) return skip('stored with unreadable sentence offsets');
    sentenceTerms = typeof terms === 'string' ? terms.split('\n') : [];
    if (sentenceTerms.length !== count) return skip("stored without its sentences' terms");
    for (let ord = 0; ord < count; ord++) {
      const at = ord * NUMBERS_PER_SENTENCE;
      const start = values[at];
      const end = values[at + 1];
      const paragraph = values[at + 2];
      const previousEnd = sentences.at(-1)?.span.end ?? 0;
      if (start < previousEnd || end <= start || end > text.length) {
        return skip(`sentence ${ord} is stored with offsets outside its text`);
      }
      if (termCount(sentenceTerms[ord]) !== values[at + 3]) return skip(`sentence ${ord} is stored without its terms`);
      sentences.push({ span: { start, end }, text: text.slice(start, end), paragraph });
    }
  }
  return { id: row.id, path: row.path, hash: row.hash, text, metadata, sentences, sentenceTerms };
}

/** Non-negative integers written in decimal, separated by single spaces; undefined if anything else is there. */
function counts(written: string): number[] | undefined {
  const values: number[] = [];
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= written.length; i++) {
    const code = i < written.length ? written.charCodeAt(i) : SPACE;
    if (code === SPACE) {
      if (digits === 0 || !Number.isSafeInteger(value)) return undefined;
      values.push(value);
      value = 0;
      digits = 0;
    } else if (code >= DIGIT_0 && code <= DIGIT_0 + 9) {
      value = value * 10 + (code - DIGIT_0);
      digits++;
    } else return undefined;
  }
  return values;
}

const SPACE = 0x20;
const DIGIT_0 = 0x30;

/** The terms in a sentence's space-separated list. */
function termCount(terms: string): number {
  if (terms === '') return 0;
  let count = 1;
  for (let at = terms.indexOf(' '); at >= 0; at = terms.indexOf(' ', at + 1)) count++;
  return count;
}

function decodeMetadata(value: unknown): SourceMetadata | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, title, date, url, author } = value as Record<string, unknown>;
  if (typeof id !== 'string') return undefined;
  const optional = [title, date, url, author];
  if (optional.some((field) => field !== undefined && typeof field !== 'string')) return undefined;
  const metadata: SourceMetadata = { id };
  if (title !== undefined) metadata.title = title as string;
  if (date !== undefined) metadata.date = date as string;
  if (url !== undefined) metadata.url = url as string;
  if (author !== undefined) metadata.author = author as string;
  return metadata;
}

export function decodeTotals(row: Row | undefined): CorpusTotals {
  const count = (value: unknown, what: string) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 0)
      throw new Error(`the team corpus's totals are damaged (${what}: ${String(value)})`);
    return number;
  };
  if (!row) throw new Error("the team corpus's totals row is missing");
  return {
    documents: count(row.documents, 'documents'),
    sentences: count(row.sentences, 'sentences'),
    terms: count(row.terms, 'terms'),
    generation: String(count(row.generation, 'generation')),
  };
}
