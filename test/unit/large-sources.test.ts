// A check's cost follows what matched, not how big the matching documents are: the fixture draft checked
// against its article gets the same verdicts, problems and evidence when the article sits in the middle of a
// 1.8 MB document, and that check takes seconds, not minutes.
import assert from 'node:assert/strict';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import type { Finding, SourceDocument } from '../../src/core/types.js';
import { SCANNED_SENTENCES, sentencesNear, textNear } from '../../src/core/verify/scan-range.js';
import { DRAFT_TEXT, SEED_PATH } from './server-fixture.js';
import { readFileSync } from 'node:fs';

// Without its opening date marker, which is metadata only at the start of a file.
const ARTICLE = readFileSync(SEED_PATH, 'utf8').replace(/^\s*date \S+\s+/, '');

/** Unrelated sentences, each with its own numbers and names, about `bytes` long. */
function filler(bytes: number, from: number): string {
  const sentences: string[] = [];
  for (let i = from, total = 0; total < bytes; i++) {
    const sentence = `Report ${i} says the council of district ${i % 97} met ${(i * 7) % 1000} times in ${1900 + (i % 120)}.`;
    sentences.push(sentence);
    total += sentence.length + 1;
  }
  return sentences.join(' ');
}

const summary = (findings: Finding[]) =>
  findings.map((finding) => ({
    text: finding.text,
    verdict: finding.verdict,
    problems: finding.problems.map(({ type, draft, source }) => `${type}:${draft}->${source}`),
    evidence: finding.evidence.slice(0, 1).map((passage) => passage.text),
  }));

describe('checks against large source documents', function () {
  this.timeout(120_000);

  it('give the verdicts of the article alone, within seconds, when the article sits in a 1.8 MB document', () => {
    const alone = new SourceLibrary();
    alone.upsert('/s/article.txt', ARTICLE);
    const expected = summary(new DraftChecker(alone).check(DRAFT_TEXT, { languageId: 'markdown' }));

    const large = new SourceLibrary();
    large.upsert('/s/article.txt', `${filler(900_000, 0)}\n\n${ARTICLE}\n\n${filler(900_000, 100_000)}`);
    const started = performance.now();
    const findings = new DraftChecker(large).check(DRAFT_TEXT, { languageId: 'markdown' });
    const seconds = (performance.now() - started) / 1000;
    assert.deepEqual(summary(findings), expected);
    assert.ok(seconds < 20, `${seconds.toFixed(1)} s`); // reading every sentence per fact took minutes
  });

  it('read all of a short document, and the sentences around the match of a long one', () => {
    const sentences = (count: number) =>
      Array.from({ length: count }, (_, i) => ({ span: { start: i * 10, end: i * 10 + 9 } }));
    const doc = (count: number) =>
      ({ text: 'x'.repeat(count * 10), sentences: sentences(count) }) as unknown as SourceDocument;
    assert.deepEqual(sentencesNear(doc(3), 1), [0, 1, 2]);
    assert.deepEqual(textNear(doc(3), 1), { start: 0, end: 30 });
    const long = doc(SCANNED_SENTENCES * 3);
    const near = sentencesNear(long, 1_500);
    assert.equal(near.length, SCANNED_SENTENCES);
    assert.deepEqual([near[0], near.at(-1)], [1_000, 1_999]);
    assert.deepEqual(sentencesNear(long, 10).slice(0, 1), [0]);
    assert.equal(sentencesNear(long, 2_999).at(-1), 2_999);
    assert.deepEqual(textNear(long, 1_500), { start: 10_000, end: 19_999 });
  });
});
