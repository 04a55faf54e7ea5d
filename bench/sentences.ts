// A plain sentence splitter for generating benchmark data. It only has to be good enough to cut articles into
// believable paragraphs and drafts; the checker under test uses its own (retext) segmentation.

// A stop followed by a letter, digit or comma ("2.5", "U.S.-led", "e.g.,") does not end the sentence.
const SENTENCE = /(?:[^.!?]|[.!?](?=[\p{L}\p{N},]))+(?:[.!?]+["'\u201D\u2019)]*|$)\s*/gu;

export function splitSentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((sentence) => sentence.trim()).filter((sentence) => sentence.length > 0);
}

/** Paragraphs as the article has them; an article written as one block is cut into runs of three sentences. */
export function splitParagraphs(text: string): string[] {
  const lines = text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length > 1) return lines;
  const sentences = splitSentences(text);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 3) paragraphs.push(sentences.slice(i, i + 3).join(' '));
  return paragraphs;
}
