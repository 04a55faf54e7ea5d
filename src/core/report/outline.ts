// A draft's sections for the report's per-section bars: one per Markdown heading (with what comes before the
// first heading as a section of its own), or one per paragraph in plain text; and the sentences the checker left
// alone, so the report can count what was not checked.
import { maskProse } from '../draft/prose.js';
import type { LanguageId } from '../draft/units.js';
import { splitSentences } from '../text/sentences.js';
import type { Finding, Span } from '../types.js';

export interface DraftSection {
  /** The heading's words, or the paragraph's first words in plain text. */
  title: string;
  /** From the heading (or paragraph) to the next section. */
  span: Span;
}

const TITLE_WORDS = 8;

function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  return words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(' ')}…` : words.join(' ');
}

export interface DraftOutline {
  sections: DraftSection[];
  /** Sentences with no finding: too short, no fact to check, or nothing a source could say. */
  uncheckedSentences: Span[];
}

export function draftOutline(text: string, languageId: LanguageId, findings: readonly Finding[]): DraftOutline {
  // The checker's own parse also reads quotations and speakers: sentences and blocks are all a report needs.
  const { masked, blocks } = maskProse(text, languageId);
  const sentences = splitSentences(
    masked,
    blocks.map((block) => block.span),
  );
  const starts = languageId === 'markdown' ? blocks.filter((block) => block.kind === 'heading') : blocks;
  const sections: DraftSection[] = starts.map((block, index) => ({
    title: firstWords(masked.slice(block.span.start, block.span.end)),
    span: { start: block.span.start, end: starts[index + 1]?.span.start ?? text.length },
  }));
  const firstStart = sections[0]?.span.start ?? text.length;
  if (masked.slice(0, firstStart).trim() !== '')
    sections.unshift({ title: '(before the first heading)', span: { start: 0, end: firstStart } });
  const uncheckedSentences = sentences
    .filter((sentence) => blocks[sentence.paragraph]?.kind !== 'heading')
    .map((sentence) => sentence.span)
    .filter((span) => !findings.some((finding) => finding.span.start < span.end && finding.span.end > span.start));
  return { sections, uncheckedSentences };
}
