// Trying a quick fix before offering it: the draft with the fix applied is checked (only the edited sentence is
// verified again; the rest comes from the checker's cache), and the fix is offered only when its problem is gone
// and no contradiction appears that the draft did not have.
import type { Diagnostic } from 'vscode-languageserver';
import type { Finding, Problem } from '../core/types.js';
import { diagnosticCode } from './diagnostics.js';
import type { DiagnosticData } from '../shared/protocol.js';

/** A contradiction as a writer reads it: which rule, which words, against which value. */
export function contradictionKey(code: unknown, problem: Pick<Problem, 'draft' | 'source'> | undefined): string {
  return `${String(code)}: ${problem?.draft ?? ''} / ${problem?.source ?? ''}`;
}

function contradictions(findings: readonly Finding[]): Set<string> {
  return new Set(
    findings
      .filter((finding) => finding.verdict === 'contradicted')
      .flatMap((finding) =>
        finding.problems.map((problem) => contradictionKey(diagnosticCode(finding, problem), problem)),
      ),
  );
}

/** Whether a fix holds, given how to check a text and the findings of the draft as it is. */
export function fixCheck(check: (text: string) => readonly Finding[], current: readonly Finding[]) {
  const before = contradictions(current);
  return (fixedText: string, diagnostic: Diagnostic): boolean => {
    const after = contradictions(check(fixedText));
    const fixed = contradictionKey(diagnostic.code, (diagnostic.data as DiagnosticData).problem);
    return !after.has(fixed) && [...after].every((key) => before.has(key));
  };
}
