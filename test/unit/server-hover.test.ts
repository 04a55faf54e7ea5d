// What the hover shows: the source passage with the differing words marked, where it comes from, and a link.
import assert from 'node:assert/strict';
import type { Finding } from '../../src/core/types.js';
import { widenToSentences } from '../../src/server/evidenceContext.js';
import { renderFindingHover } from '../../src/server/hover.js';
import { markDifferences } from '../../src/server/wordDiff.js';
import { checkFixtureDraft, findingWith, SEED_PATH } from './server-fixture.js';

const marked = (passage: string, draft: string, problems: Finding['problems']) =>
  markDifferences(passage, draft, problems)
    .map((segment) => (segment.marked ? `[${segment.text}]` : segment.text))
    .join('');

describe('server: hover', () => {
  it('marks only the source words a problem changed', () => {
    const sentence =
      'Pentagon spokesman John Kirby told reporters on Wednesday he could not confirm the requests, but told Al-Monitor that discussions on the proposal are continuing.';
    assert.equal(
      marked(sentence, '', [
        { type: 'negation', draft: 'he could confirm the requests', source: 'he could not confirm the requests' },
      ]),
      'Pentagon spokesman John Kirby told reporters on Wednesday he could [not] confirm the requests, but told Al-Monitor that discussions on the proposal are continuing.',
    );
    assert.equal(
      marked(
        'Obviously this is a national decision that President Erdogan needs to take. take and we respect it.',
        '',
        [{ type: 'wording', draft: 'to make', source: 'to take' }],
      ),
      'Obviously this is a national decision that President Erdogan needs to [take]. take and we respect it.',
    );
    assert.equal(
      marked('Some 150 members of the Afghan security forces were killed', '', [
        { type: 'number', draft: '250', source: '150' },
        { type: 'entity', draft: 'Turkish forces', source: 'Afghan security forces' },
      ]),
      'Some [150] members of the [Afghan security] forces were killed',
    );
  });

  it('marks the words inside the aligned stretch that the draft lacks when no problem value is in the passage', () => {
    assert.equal(
      marked(
        'The Pentagon does not yet have a clear idea of what its capabilities will be.',
        'The Pentagon has a clear idea of what its capabilities will be.',
        [{ type: 'negation', draft: 'x', source: 'y' }],
      ),
      'The Pentagon [does not yet have] a clear idea of what its capabilities will be.',
    );
  });

  it('renders the number finding of the fixture draft', async () => {
    const { library, findings } = await checkFixtureDraft();
    const finding = findingWith(findings, 'number');
    const value = renderFindingHover(finding, {
      uriOfPath: (path) => `file://${path}`,
      openSource: (uri, range) => `${uri}#L${range.start.line + 1}`,
    });
    const lines = value.split('\n');
    assert.match(lines[0], /^\*\*Groundwork · ✗ Contradicted\*\* claim \(support 0\.\d\d\)$/);
    assert.deepEqual(lines.slice(1, 4), ['', '- Wrong number: “250” — the source says “150”', '']);
    assert.equal(
      lines[4],
      '> Some **150** members of the Afghan security forces were killed or wounded in attacks across the country in just 24 hours earlier this week, Afghan officials said.',
    );
    assert.equal(lines[6], `000\\_f04d67d5c7de7c34.txt, 2021-06-11, line 29 · [Open source](file://${SEED_PATH}#L29)`);
    assert.ok(library.get(SEED_PATH));
  });

  it("widens a quote's evidence fragment to the source sentences around it", async () => {
    const { library, findings } = await checkFixtureDraft();
    const quote = findings.find((finding) => finding.kind === 'quote')!;
    const widened = widenToSentences(quote.evidence[0], library.get(quote.evidence[0].source));
    assert.equal(
      widened.text,
      'US officials have had ongoing discussions with Turkish leaders over their airport security plans, Kirby said, adding: “Obviously this is a national decision that President Erdogan needs to take. take and we respect it.',
    );
    assert.deepEqual(widened.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 218 } });
    assert.equal(widenToSentences(widened, library.get(widened.source)), widened);
  });
});
