// A quote's evidence can be a fragment of a source sentence ("…President Erdogan needs to"): the hover and the
// "open source" selection show the whole sentences it lies in, so the writer reads the source's words in context.
import type { Evidence, SourceDocument } from '../core/types.js';
import { LineIndex } from '../core/text/lines.js';

const lineIndexes = new WeakMap<SourceDocument, LineIndex>();

function lineIndexOf(source: SourceDocument): LineIndex {
  let index = lineIndexes.get(source);
  if (!index) lineIndexes.set(source, (index = new LineIndex(source.text)));
  return index;
}

export function widenToSentences(evidence: Evidence, source: SourceDocument | undefined): Evidence {
  if (!source) return evidence;
  const overlapping = source.sentences.filter(
    (sentence) => sentence.span.start < evidence.span.end && evidence.span.start < sentence.span.end,
  );
  if (overlapping.length === 0) return evidence;
  const span = {
    start: Math.min(evidence.span.start, overlapping[0].span.start),
    end: Math.max(evidence.span.end, overlapping[overlapping.length - 1].span.end),
  };
  if (span.start === evidence.span.start && span.end === evidence.span.end) return evidence;
  return { ...evidence, span, range: lineIndexOf(source).rangeOf(span), text: source.text.slice(span.start, span.end) };
}
