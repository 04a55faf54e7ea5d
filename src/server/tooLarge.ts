// A draft over the size limit is not checked; the writer is told so on the draft itself, instead of the
// findings of its last smaller version staying on screen as if they were current.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node.js';

export function tooLargeDiagnostic(length: number, limitKb: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'groundwork',
    code: 'too-large',
    message: `Not checked: this draft has ${Math.ceil(length / 1024).toLocaleString('en')} KB of text, over the ${limitKb.toLocaleString('en')} KB limit (groundwork.maxFileSizeKb).`,
  };
}
