// Quick fixes computed from the diagnostics of the real core on the fixture draft: each edit, applied, must give
// the source's wording.
import assert from 'node:assert/strict';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { readFileSync } from 'node:fs';
import { SourceLibrary } from '../../src/core/library.js';
import { codeActions } from '../../src/server/codeActions.js';
import { DraftResults } from '../../src/server/draftResults.js';
import { fixCheck } from '../../src/server/fixCheck.js';
import { findingsToDiagnostics } from '../../src/server/diagnostics.js';
import { minimalEdit } from '../../src/server/minimalEdit.js';
import { locateProblems } from '../../src/server/problemSpans.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';
import { checkFixtureDraft, DRAFT_TEXT, SEED_PATH as SEED } from './server-fixture.js';

const URI = 'file:///drafts/kabul-airport.md';
const document = TextDocument.create(URI, 'markdown', 1, DRAFT_TEXT);
const rangeOf = (span: { start: number; end: number }) => ({
  start: document.positionAt(span.start),
  end: document.positionAt(span.end),
});

describe('server: minimal edits', () => {
  it('inserts the missing word of a negation', () => {
    assert.deepEqual(
      minimalEdit('he could confirm the requests', 'on Wednesday he could not confirm the requests, but told'),
      {
        start: 8,
        end: 9,
        newText: ' not ',
        sourcePhrase: 'could not confirm',
        anchored: true,
      },
    );
  });

  it('replaces only the changed word of a misquote, and a whole value that shares no word', () => {
    assert.deepEqual(minimalEdit('to make', 'to take'), {
      start: 2,
      end: 7,
      newText: ' take',
      sourcePhrase: 'to take',
      anchored: true,
    });
    assert.deepEqual(minimalEdit('250', '150'), {
      start: 0,
      end: 3,
      newText: '150',
      sourcePhrase: '150',
      anchored: false,
    });
    assert.deepEqual(minimalEdit('last Friday', 'last Monday'), {
      start: 4,
      end: 11,
      newText: ' Monday',
      sourcePhrase: 'last Monday',
      anchored: true,
    });
  });

  it('has nothing to change when the words already agree', () => {
    assert.equal(minimalEdit('Some 150 members', 'some 150 members'), undefined);
  });
});

describe('server: code actions', () => {
  let diagnostics: Diagnostic[];
  before(async () => {
    const { findings } = await checkFixtureDraft();
    diagnostics = findingsToDiagnostics(
      findings.map((finding) => locateProblems(DRAFT_TEXT, finding)),
      {
        rangeOf,
        severity: DEFAULT_SETTINGS.severity,
        ignored: new Set(),
        uriOfPath: (path) => `file://${path}`,
      },
    );
  });

  const apply = (edits: TextEdit[]) => TextDocument.applyEdits(document, edits);
  const lineOf = (text: string, line: number) => text.split('\n')[line];

  it("makes each planted error's preferred fix give the source's wording", async () => {
    const { findings } = await checkFixtureDraft();
    const fixed = diagnostics.map((diagnostic) => {
      const [fix] = codeActions({
        uri: URI,
        text: DRAFT_TEXT,
        languageId: 'markdown',
        diagnostics: [diagnostic],
        finding: findings[0],
        rangeOf,
      });
      assert.equal(fix.isPreferred, true);
      return `${fix.title} => ${lineOf(apply(fix.edit!.changes![URI]), diagnostic.range.start.line)}`;
    });
    assert.deepEqual(fixed, [
      "Replace with the source's wording: “could not confirm” => Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests.",
      "Replace with the source's exact wording: “to take” => “Obviously this is a national decision that President Erdogan needs to take,” Kirby said.",
      "Replace with the source's number: “150” => Some 150 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.",
      "Replace with the source's date: “Monday” => Defense Minister Hulusi Akar said on Monday that Turkey could provide forces to secure Kabul airport.",
      "Replace with the source's name: “Brussels” => Biden is expected to meet with Erdogan at the NATO summit in Brussels on Tuesday.",
    ]);
  });

  it('offers to ignore the finding and to disable the line, in Markdown only', () => {
    const number = diagnostics[2];
    const titles = (languageId: string) =>
      codeActions({ uri: URI, text: DRAFT_TEXT, languageId, diagnostics: [number], rangeOf }).map(
        (action) => action.title,
      );
    assert.deepEqual(titles('markdown'), [
      "Replace with the source's number: “150”",
      'Ignore this finding (saved in .groundwork.json)',
      'Disable Groundwork for this line',
    ]);
    assert.deepEqual(titles('plaintext'), [
      "Replace with the source's number: “150”",
      'Ignore this finding (saved in .groundwork.json)',
    ]);
    const [, ignore, disable] = codeActions({
      uri: URI,
      text: DRAFT_TEXT,
      languageId: 'markdown',
      diagnostics: [number],
      rangeOf,
    });
    assert.deepEqual(ignore.command!.arguments, [
      URI,
      (number.data as { fingerprint: string }).fingerprint,
      'Wrong number: “250” — the source says “150”',
    ]);
    assert.equal(lineOf(apply(disable.edit!.changes![URI]), 8), '<!-- groundwork-disable-next-line -->');
  });

  it('cites the supporting source of a supported sentence that has no citation yet', async () => {
    const { findings } = await checkFixtureDraft();
    const psaki = findings.find((finding) => finding.text.startsWith('White House'))!;
    const [cite] = codeActions({
      uri: URI,
      text: DRAFT_TEXT,
      languageId: 'markdown',
      diagnostics: [],
      finding: psaki,
      rangeOf,
    });
    assert.equal(cite.title, 'Cite the source: [@000_f04d67d5c7de7c34]');
    assert.equal(
      lineOf(apply(cite.edit!.changes![URI]), 14),
      'White House spokeswoman Jen Psaki called the meeting a priority for Biden [@000_f04d67d5c7de7c34].',
    );
    const cited = findings.find((finding) => finding.text.includes('Kabul International Airport'))!;
    assert.deepEqual(
      codeActions({ uri: URI, text: DRAFT_TEXT, languageId: 'markdown', diagnostics: [], finding: cited, rangeOf }),
      [],
    );
  });
});

describe('server: fixes for what the draft adds or cites', () => {
  const library = new SourceLibrary();
  library.upsert(SEED, readFileSync(SEED, 'utf8'));
  const ALBANESE = 'eval/own/sources/albanese-majority.txt';
  library.upsert(ALBANESE, readFileSync(ALBANESE, 'utf8'));
  const uri = 'file:///draft.md';
  let codes: string[] = [];

  function fixesOf(text: string) {
    const results = new DraftResults();
    const { document, findings } = results.check(library, uri, 'markdown', 1, text);
    const rangeOf = (span: { start: number; end: number }) => ({
      start: document.positionAt(span.start),
      end: document.positionAt(span.end),
    });
    const diagnostics = findingsToDiagnostics(findings, {
      rangeOf,
      severity: DEFAULT_SETTINGS.severity,
      ignored: new Set(),
      uriOfPath: (path) => `file://${path}`,
    });
    const fixHolds = fixCheck((tried) => results.tryText(library, uri, 'markdown', tried), findings);
    codes = diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
    return diagnostics.flatMap((diagnostic) =>
      codeActions({ uri, text, languageId: 'markdown', diagnostics: [diagnostic], rangeOf, fixHolds })
        .filter((action) => action.edit && action.title.startsWith('R'))
        .map((action) => `${action.title} => ${TextDocument.applyEdits(document, action.edit!.changes![uri])}`),
    );
  }

  it('takes out a negation the draft added, and only it', () => {
    assert.deepEqual(
      fixesOf(
        'Turkish officials did not express their openness in principle to the idea at a NATO summit in Brussels last month.\n',
      ),
      [
        'Remove the negation “not”, as the source: “officials expressed their openness” => Turkish officials did express their openness in principle to the idea at a NATO summit in Brussels last month.\n',
      ],
    );
  });

  it('replaces a cited key that does not say the claim, or names no source, with the key of the source that does', () => {
    const claim = 'Some 150 members of the Afghan security forces were killed or wounded in attacks across the country';
    assert.deepEqual(fixesOf(`${claim} [@nosuch].\n`), [
      `Replace with the source's citation: “000_f04d67d5c7de7c34” => ${claim} [@000_f04d67d5c7de7c34].\n`,
    ]);
  });

  it('offers no fix that would write a value the check then rejects', () => {
    // The source counts Labor's seats, not the Greens': writing its 151 here would be a new wrong claim.
    assert.deepEqual(fixesOf('The Greens won four seats in the lower house.\n'), []);
    assert.deepEqual(codes, ['number Wrong number: “four” — the source says “151”']);
  });
});
