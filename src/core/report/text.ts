// Compiler-style lines a writer or a CI log can read: `draft.md:12:5: contradicted: number 250 — the source says 150 (src.txt:27)`.
import { shortSourceName } from '../corpus/origin.js';
import { isFlagged } from './codes.js';
import type { DraftReport } from './json.js';
import { printable } from './printable.js';

export function textReport(files: DraftReport[]): string {
  const lines: string[] = [];
  const counts = { supported: 0, contradicted: 0, unsupported: 0 };
  for (const file of files) {
    for (const finding of file.findings) {
      counts[finding.verdict]++;
      if (!isFlagged(finding)) continue;
      const { line, character } = finding.range.start;
      const evidence = finding.evidence[0];
      // Every problem but 'absent' is about the passage the claim matched best: say where it is.
      const where =
        evidence && finding.problems.some((p) => p.type !== 'absent')
          ? ` (${printable(shortSourceName(evidence.source))}:${evidence.range.start.line + 1})`
          : '';
      lines.push(
        `${printable(file.path)}:${line + 1}:${character + 1}: ${finding.verdict}: ${printable(finding.message)}${where}`,
      );
    }
  }
  const drafts = `${files.length} draft${files.length === 1 ? '' : 's'}`;
  lines.push(
    `${counts.contradicted} contradicted, ${counts.unsupported} unsupported, ${counts.supported} supported in ${drafts}`,
  );
  return lines.join('\n') + '\n';
}
