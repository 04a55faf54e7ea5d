// Every quick fix that rewrites the draft, applied to the eval drafts and checked again: the problem it fixes is
// gone, no new contradiction appears, the edit stays inside the words its diagnostic stands on (a negation fix
// changes the negated words, not the sentence), and no span gets two fixes for one problem.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import { loadLibrary, type SourceLibrary } from '../../src/core/library.js';
import type { DiagnosticData } from '../../src/shared/protocol.js';
import { codeActions } from '../../src/server/codeActions.js';
import { fixCheck } from '../../src/server/fixCheck.js';
import { findingsToDiagnostics } from '../../src/server/diagnostics.js';
import { DraftResults } from '../../src/server/draftResults.js';
import { DEFAULT_SETTINGS } from '../../src/server/settings.js';
import { ownDevelopmentDrafts, replayInputs } from './replay.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const URI = 'file:///draft.md';

function diagnosticsOf(library: SourceLibrary, text: string, results = new DraftResults()) {
  const { document, findings } = results.check(library, URI, 'markdown', 1, text);
  const diagnostics = findingsToDiagnostics(findings, {
    rangeOf: (span) => ({ start: document.positionAt(span.start), end: document.positionAt(span.end) }),
    severity: DEFAULT_SETTINGS.severity,
    ignored: new Set(),
    uriOfPath: (path) => `file://${path}`,
  });
  return { document, findings, diagnostics };
}

const dataOf = (diagnostic: Diagnostic) => diagnostic.data as DiagnosticData;
/** A contradiction as a writer reads it: which rule, which words, against which value. */
const contradiction = (diagnostic: Diagnostic) =>
  `${diagnostic.code}: ${dataOf(diagnostic).problem?.draft} / ${dataOf(diagnostic).problem?.source}`;

describe('quick fixes applied to the eval drafts', function () {
  this.timeout(300_000);

  it('remove their problem, add no contradiction, edit only their own words, and come one per problem', async () => {
    const { sources, drafts } = replayInputs();
    const ownDrafts = ownDevelopmentDrafts();
    const { library } = await loadLibrary([...sources, join(repo, 'eval', 'own', 'sources')]);
    const broken: string[] = [];
    let applied = 0;
    for (const draft of [...drafts, ...ownDrafts]) {
      // The server's own path: its results, and each fix tried on its checker before it is offered.
      const server = new DraftResults();
      const before = diagnosticsOf(library, draft.text, server);
      const fixHolds = fixCheck((text) => server.tryText(library, URI, 'markdown', text), before.findings);
      const contradictionsBefore = new Set(
        before.diagnostics.filter((d) => dataOf(d).verdict === 'contradicted').map(contradiction),
      );
      for (const diagnostic of before.diagnostics) {
        const finding = before.findings.find(
          (f) => f.span.start === dataOf(diagnostic).span.start && f.span.end === dataOf(diagnostic).span.end,
        );
        const fixes = codeActions({
          uri: URI,
          text: draft.text,
          languageId: 'markdown',
          diagnostics: [diagnostic],
          finding,
          rangeOf: (span) => ({
            start: before.document.positionAt(span.start),
            end: before.document.positionAt(span.end),
          }),
          fixHolds,
        }).filter(
          (action) =>
            action.diagnostics?.includes(diagnostic) &&
            action.edit?.changes?.[URI] &&
            action.title.startsWith('Replace'),
        );
        const where = `${draft.name} ${contradiction(diagnostic)}`;
        if (fixes.length > 1) broken.push(`${where}: ${fixes.length} fixes`);
        for (const fix of fixes) {
          applied++;
          const edits: TextEdit[] = fix.edit!.changes![URI];
          const fixed = TextDocument.applyEdits(before.document, edits);
          const span = dataOf(diagnostic).problem?.span ?? dataOf(diagnostic).span;
          const [start, end] = [
            before.document.offsetAt(edits[0].range.start),
            before.document.offsetAt(edits[0].range.end),
          ];
          // The edit stands on the problem's own words (a speaker's name may stand outside its quotation), and a
          // clause the source words differently is rewritten inside its own sentence.
          const touches = start <= span.end && span.start <= end;
          const sentence = dataOf(diagnostic).span;
          if (!touches) broken.push(`${where}: “${fix.title}” edits words apart from the problem's`);
          if (
            ['negation', 'antonym', 'misquote'].includes(String(diagnostic.code)) &&
            (start < sentence.start || end > sentence.end)
          )
            broken.push(`${where}: “${fix.title}” edits outside its sentence`);
          const after = diagnosticsOf(library, fixed);
          if (after.diagnostics.some((d) => contradiction(d) === contradiction(diagnostic)))
            broken.push(`${where}: still there after “${fix.title}”`);
          const added = after.diagnostics.filter(
            (d) => dataOf(d).verdict === 'contradicted' && !contradictionsBefore.has(contradiction(d)),
          );
          if (added.length) broken.push(`${where}: “${fix.title}” brings ${added.map(contradiction).join(', ')}`);
        }
      }
    }
    assert.ok(applied >= 20, `${applied} fixes applied`);
    assert.deepEqual(broken, []);
  });
});
