import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DraftChecker } from '../../src/core/checker.js';
import { SourceLibrary } from '../../src/core/library.js';
import { draftOutline } from '../../src/core/report/outline.js';
import { findingsInContext } from '../../src/server/reportData.js';
import { escapeHtml, renderReportHtml } from '../../src/shared/report/html.js';
import { buildReportModel, type ReportModel } from '../../src/shared/report/model.js';

const SEED_PATH = 'seeds/000_f04d67d5c7de7c34.txt';
const library = new SourceLibrary();
library.upsert(SEED_PATH, readFileSync(SEED_PATH, 'utf8'));
library.upsert(
  'seeds/unused.md',
  '---\ntitle: Weather report\ndate: 2021-06-12\n---\nIt rained in Ankara on Saturday.\n',
);
const checker = new DraftChecker(library);
const sources = library.documents().map(({ path, metadata }) => ({ path, title: metadata.title, date: metadata.date }));

function modelOf(text: string, languageId: 'markdown' | 'plaintext' = 'markdown'): ReportModel {
  const checked = checker.check(text, { languageId });
  const outline = draftOutline(text, languageId, checked);
  return buildReportModel({
    path: 'draft.md',
    text,
    findings: findingsInContext(checked, library),
    outline,
    sources,
    displayPath: (path) => path,
  });
}

const marked = (segments: { text: string; marked: boolean }[]) => segments.filter((s) => s.marked).map((s) => s.text);

describe('report model', () => {
  const sample = modelOf(readFileSync('examples/draft.md', 'utf8'));

  it("counts the sample draft's verdicts as the text report does", () => {
    assert.deepEqual(sample.counts, { supported: 3, contradicted: 5, unsupported: 1, unchecked: 0 });
    assert.equal(sample.rows.length, 9);
  });

  it('marks the differing words on both sides, and says the problem in words', () => {
    const row = sample.rows.find((candidate) => candidate.codes.includes('date'))!;
    assert.deepEqual(marked(row.draft), ['Tuesday']);
    assert.deepEqual(marked(row.best!.segments), ['Monday']);
    assert.deepEqual(row.problems, ['date Tuesday — the source says Monday']);
    assert.equal(row.best!.label, '000_f04d67d5c7de7c34.txt, 2021-06-11, line 5');
    const negation = sample.rows.find((candidate) => candidate.codes.includes('negation'))!;
    assert.deepEqual(marked(negation.best!.segments), ['not'], 'only the negation is marked, not the words around it');
    const quote = sample.rows.find((candidate) => candidate.codes.includes('misquote'))!;
    assert.deepEqual(quote.codes, ['misquote', 'attribution']);
    assert.deepEqual(
      marked(quote.best!.segments),
      ['important', 'Kirby'],
      'a quote is shown in its whole source sentence',
    );
    assert.deepEqual(
      quote.others,
      [],
      "a runner-up far below the best passage (the article's first line) is not shown",
    );
  });

  it('lists the sources the draft rests on, and the ones it never uses', () => {
    assert.deepEqual(
      sample.used.map((use) => [use.label, use.sentences]),
      [[SEED_PATH, 8]],
    );
    assert.deepEqual(
      sample.unused.map((use) => use.label),
      ['Weather report (seeds/unused.md)'],
    );
  });

  it('has a section per Markdown heading, with what comes before the first one, and counts unchecked sentences', () => {
    const model = modelOf(
      [
        'Intro without heading: Turkey offered to secure the airport.',
        '',
        '# Casualties',
        '',
        'Some 250 members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said. This is it.',
        '',
        '## Diplomacy',
        '',
        'Defense Minister Hulusi Akar said on Monday that Turkey could provide forces to secure Kabul airport.',
      ].join('\n'),
    );
    assert.deepEqual(
      model.sections.map((section) => [section.title, section.line, section.counts]),
      [
        ['(before the first heading)', 0, { supported: 0, contradicted: 0, unsupported: 1, unchecked: 0 }],
        ['Casualties', 2, { supported: 0, contradicted: 1, unsupported: 0, unchecked: 1 }],
        ['Diplomacy', 6, { supported: 1, contradicted: 0, unsupported: 0, unchecked: 0 }],
      ],
    );
    assert.equal(model.counts.unchecked, 1, '"This is it." states nothing a source could back');
  });

  it('has a section per paragraph in plain text, titled by its first words', () => {
    const model = modelOf(
      'Defense Minister Hulusi Akar said on Monday that Turkey could provide forces to secure Kabul airport.\n\nBiden is expected to meet with Erdogan at the NATO summit in Geneva.\n',
      'plaintext',
    );
    assert.deepEqual(
      model.sections.map((section) => [section.title, section.line]),
      [
        ['Defense Minister Hulusi Akar said on Monday that…', 0],
        ['Biden is expected to meet with Erdogan at…', 2],
      ],
    );
    assert.deepEqual(
      model.sections.map((section) => section.counts.contradicted),
      [0, 1],
    );
  });
});

describe('report HTML', () => {
  const options = {
    nonce: 'n0nce',
    sourceHref: (path: string) => `file:///${path}`,
    generatedAt: new Date('2026-01-02T03:04:00Z'),
  };

  it('escapes the draft and the sources: markup in a draft is text in the report', () => {
    const html = renderReportHtml(
      [modelOf('The <script>alert(1)</script> minister said 250 members were killed & wounded.', 'plaintext')],
      options,
    );
    assert.ok(!html.includes('<script>alert'), 'no draft markup reaches the page');
    assert.ok(html.includes(escapeHtml('<script>alert(1)</script>')));
  });

  it('allows only its own inline style and script, and loads nothing', () => {
    const html = renderReportHtml([modelOf('Some 250 members were killed.')], options);
    assert.ok(
      html.includes(`content="default-src 'none'; img-src data:; style-src 'nonce-n0nce'; script-src 'nonce-n0nce';"`),
    );
    assert.equal(html.match(/<script nonce="n0nce">/g)?.length, 1);
    assert.equal(html.match(/<style nonce="n0nce">/g)?.length, 1);
    assert.doesNotMatch(html, /\b(src|href)="https?:/);
    assert.doesNotMatch(html, / style="/, 'the policy would block inline style attributes');
  });
});
