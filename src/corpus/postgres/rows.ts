// Rows read from the team corpus, checked before use: the database is shared, and a row written by another
// version, by hand, or damaged is skipped with a warning naming it (as a bad source file is), never trusted.
import type { CorpusTotals, RemoteDocument } from '../../core/corpus/backend.js';
import { TEAM_PREFIX } from '../../core/corpus/origin.js';

type Row = Record<string, unknown>;

const SHA256 = /^[0-9a-f]{64}$/;

export function decodeDocument(row: Row, formatVersion: number): RemoteDocument | { problem: string } {
  const name = typeof row.path === 'string' && row.path !== '' ? row.path : `document ${String(row.id)}`;
  const skip = (why: string) => ({ problem: `${TEAM_PREFIX}${name}: ${why}; skipped` });
  if (typeof row.id !== 'string' || !/^\d+$/.test(row.id)) return skip('stored without a valid id');
  if (typeof row.path !== 'string' || row.path === '') return skip('stored without a path');
  if (typeof row.text !== 'string') return skip('stored without its text');
  if (typeof row.hash !== 'string' || !SHA256.test(row.hash)) return skip('stored without a valid content hash');
  if (!Number.isInteger(row.sentence_count) || (row.sentence_count as number) < 0) return skip('stored without a sentence count');
  if (row.format_version !== formatVersion) {
    return skip(`analysed by another Groundwork version (index format ${String(row.format_version)}, not ${formatVersion}): push it again`);
  }
  return { id: row.id, path: row.path, hash: row.hash, text: row.text, sentences: row.sentence_count as number };
}

export function decodeTotals(row: Row | undefined): CorpusTotals {
  const count = (value: unknown, what: string) => {
    const number = Number(value);
    if (!Number.isSafeInteger(number) || number < 0) throw new Error(`the team corpus's totals are damaged (${what}: ${String(value)})`);
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
