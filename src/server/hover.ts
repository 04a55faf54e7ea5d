// The hover on a checked sentence or quote: verdict, what is wrong, the source passage with the differing words
// marked, where it comes from, a link that opens it, and the runner-up passages.
import type { Evidence, Finding, Problem, Range } from '../core/types.js';
import { problemMessage } from './diagnostics.js';
import { escapeMarkdown } from '../shared/markdownText.js';
import { describeSource } from './sourceLabel.js';
import { markDifferences } from './wordDiff.js';

export interface HoverOptions {
  /** A Markdown link target that opens `uri` and selects `range`. */
  openSource(uri: string, range: Range): string;
  uriOfPath(path: string): string;
  /** Problems whose diagnostic the editor already shows in this hover (VS Code does, above ours): not repeated. */
  shownByEditor?: readonly Problem[];
}

const VERDICT_HEADINGS: Record<Finding['verdict'], string> = {
  supported: '✓ Supported',
  contradicted: '✗ Contradicted',
  unsupported: '? Unsupported',
};
const OTHER_PASSAGES = 3;
const PASSAGE_PREVIEW = 160;

function link(label: string, evidence: Evidence, options: HoverOptions): string {
  return `[${label}](${options.openSource(options.uriOfPath(evidence.source), evidence.range)})`;
}

function markedPassage(finding: Finding, evidence: Evidence): string {
  const problems = finding.verdict === 'contradicted' ? finding.problems : [];
  return markDifferences(evidence.text, finding.text, problems)
    .map((segment) => (segment.marked ? `**${escapeMarkdown(segment.text)}**` : escapeMarkdown(segment.text)))
    .join('');
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > PASSAGE_PREVIEW ? `${flat.slice(0, PASSAGE_PREVIEW - 1)}…` : flat;
}

export function renderFindingHover(finding: Finding, options: HoverOptions): string {
  const kind = finding.kind === 'quote' ? 'quote' : 'claim';
  const lines = [
    `**Groundwork · ${VERDICT_HEADINGS[finding.verdict]}** ${kind} (support ${finding.score.toFixed(2)})`,
    '',
  ];
  const problems = finding.problems.length > 0 ? finding.problems : [undefined];
  const unshown = problems.filter((problem) => !problem || !options.shownByEditor?.includes(problem));
  if (finding.verdict !== 'supported' && unshown.length > 0) {
    for (const problem of unshown) lines.push(`- ${escapeMarkdown(problemMessage(finding, problem))}`);
    lines.push('');
  }
  const [best, ...others] = finding.evidence;
  if (!best) {
    lines.push('_No source passage comes close._');
    return lines.join('\n');
  }
  lines.push(`> ${markedPassage(finding, best)}`, '');
  lines.push(`${escapeMarkdown(describeSource(best))} · ${link('Open source', best, options)}`);
  const runnersUp = others.slice(0, OTHER_PASSAGES);
  if (runnersUp.length > 0) {
    lines.push('', 'Other passages:');
    for (const evidence of runnersUp) {
      lines.push(
        `- ${link(escapeMarkdown(describeSource(evidence)), evidence, options)} (${evidence.score.toFixed(2)}): “${escapeMarkdown(preview(evidence.text))}”`,
      );
    }
  }
  return lines.join('\n');
}
