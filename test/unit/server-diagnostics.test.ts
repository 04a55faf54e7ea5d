// Findings of the real core on the fixture draft -> the diagnostics the editor shows.
import assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../src/core/types.js';
import { findingsToDiagnostics, type DiagnosticContext } from '../../src/server/diagnostics.js';
import { findingFingerprint } from '../../src/server/fingerprint.js';
import { locateProblems } from '../../src/server/problemSpans.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';
import { checkFixtureDraft, DRAFT_TEXT, findingWith, SEED_PATH } from './server-fixture.js';

const document = TextDocument.create('file:///draft.md', 'markdown', 1, DRAFT_TEXT);
const context = (overrides: Partial<DiagnosticContext> = {}): DiagnosticContext => ({
  rangeOf: (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }),
  severity: DEFAULT_SETTINGS.severity,
  ignored: new Set(),
  uriOfPath: (path) => `file://${path}`,
  ...overrides,
});
const summary = (findings: Finding[], overrides?: Partial<DiagnosticContext>) =>
  findingsToDiagnostics(findings, context(overrides)).map(
    ({ code, range: { start, end } }) => `${code} ${start.line}:${start.character}-${end.line}:${end.character}`,
  );

describe('server: diagnostics', () => {
  let findings: Finding[];
  before(async () => {
    findings = (await checkFixtureDraft()).findings.map((finding) => locateProblems(DRAFT_TEXT, finding));
  });

  it('gives each planted error its code and the range of the wrong words', () => {
    assert.deepEqual(summary(findings), [
      'negation 4:67-4:74',
      'misquote 6:68-6:75',
      'number 8:5-8:8',
      'date 10:37-10:43',
      'entity 12:61-12:67',
    ]);
  });

  it('carries the message, severity, evidence and the source location', () => {
    const [number] = findingsToDiagnostics([findingWith(findings, 'number')], context());
    assert.equal(number.message, 'Wrong number: “250” — the source says “150”');
    assert.equal(number.severity, DiagnosticSeverity.Warning);
    assert.equal(number.source, 'Groundwork');
    assert.deepEqual(number.relatedInformation, [
      {
        location: {
          uri: `file://${SEED_PATH}`,
          range: { start: { line: 28, character: 127 }, end: { line: 28, character: 285 } },
        },
        message: 'the source says “150”',
      },
    ]);
    const data = number.data as { problem: { span: unknown }; evidence: { text: string }[] };
    assert.deepEqual(data.problem.span, { start: 384, end: 387 });
    assert.match(data.evidence[0].text, /^Some 150 members of the Afghan security forces/);
  });

  it('says a number missing from the passage is not in the closest source, not that no source has it', () => {
    const number = findingWith(findings, 'number');
    const missing = { ...number, verdict: 'unsupported' as const, problems: [{ ...number.problems[0], source: '' }] };
    assert.equal(
      findingsToDiagnostics([missing], context())[0].message,
      'Wrong number: “250” — not in the closest source',
    );
  });

  it('leaves out codes set to "off" and ignored findings', () => {
    assert.deepEqual(
      summary(findings, { severity: { ...DEFAULT_SETTINGS.severity, number: 'off', misquote: 'off' } }),
      ['negation 4:67-4:74', 'date 10:37-10:43', 'entity 12:61-12:67'],
    );
    const date = findingWith(findings, 'date');
    assert.deepEqual(summary(findings, { ignored: new Set([findingFingerprint(date, date.problems[0])]) }), [
      'negation 4:67-4:74',
      'misquote 6:68-6:75',
      'number 8:5-8:8',
      'entity 12:61-12:67',
    ]);
  });

  it('places a problem the core reports by its words only on those words, without the final stop', () => {
    const sentence = findingWith(findings, 'negation');
    const wholeSentence = {
      type: 'negation' as const,
      draft: `${sentence.text.trim().replace(/\.$/, '')}.`,
      source: 'he could not confirm the requests',
    };
    const located = locateProblems(DRAFT_TEXT, { ...sentence, problems: [wholeSentence] }).problems[0];
    assert.equal(
      located.draft,
      'Pentagon spokesman John Kirby told reporters on Wednesday he could confirm the requests',
    );
    assert.deepEqual(located.span, { start: 198, end: 285 });
  });
});

describe('server: finding fingerprints', () => {
  it('survive edits elsewhere in the draft and change with the sentence', async () => {
    const { library, findings } = await checkFixtureDraft();
    const { DraftChecker } = await import('../../src/core/checker.js');
    const moved = new DraftChecker(library).check(`An added first paragraph.\n\n${DRAFT_TEXT}`, {
      languageId: 'markdown',
    });
    const fingerprints = (list: Finding[]) =>
      list
        .filter((finding) => finding.verdict === 'contradicted')
        .map((finding) => findingFingerprint(finding, finding.problems[0]));
    assert.deepEqual(fingerprints(moved), fingerprints(findings));
    const number = findingWith(findings, 'number');
    const other = { ...number, text: number.text.replace('Afghan officials', 'officials') };
    assert.notEqual(findingFingerprint(other, other.problems[0]), findingFingerprint(number, number.problems[0]));
    assert.match(findingFingerprint(number, number.problems[0]), /^[0-9a-f]{16}$/);
  });
});
