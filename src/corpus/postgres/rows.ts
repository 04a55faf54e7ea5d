// Rows read from the team corpus, checked before use: the database is shared, and a row written by another
// version, by hand, or damaged is skipped with a warning naming it (as a bad source file is), never trusted.
import type { CorpusTotals, RemoteDocument } from '../../core/corpus/backend.js';
import { TEAM_PREFIX } from '../../core/corpus/origin.js';
import type { Sentence, SourceMetadata } from '../../core/types.js';

type Row = Record<string, unknown>;

const SHA256 = /^[0-9a-f]{64}$/;

export function decodeDocument(
  row: Row,
  sentenceRows: readonly Row[],
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
  if (sentenceRows.length !== row.sentence_count)
    return skip(`stored with ${sentenceRows.length} of its ${String(row.sentence_count)} sentences`);
  const text = row.text;
  const sentences: Sentence[] = [];
  const sentenceTerms: string[][] = [];
  for (const [ord, sentence] of sentenceRows.entries()) {
    const { start_offset: start, end_offset: end, paragraph, length, terms } = sentence;
    const previousEnd = sentences.at(-1)?.span.end ?? 0;
    if (
      sentence.ord !== ord ||
      !isCount(start) ||
      !isCount(end) ||
      !isCount(paragraph) ||
      start < previousEnd ||
      end <= start ||
      end > text.length
    ) {
      return skip(`sentence ${ord} is stored with offsets outside its text`);
    }
    const termList = typeof terms === 'string' && terms !== '' ? terms.split(' ') : [];
    if (typeof terms !== 'string' || termList.length !== length)
      return skip(`sentence ${ord} is stored without its terms`);
    sentences.push({ span: { start, end }, text: text.slice(start, end), paragraph });
    sentenceTerms.push(termList);
  }
  return { id: row.id, path: row.path, hash: row.hash, text, metadata, sentences, sentenceTerms };
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
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
