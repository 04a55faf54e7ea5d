// Plain text inside Markdown (hovers, reports): shown as written, on one line.

/** Escapes the characters that could start emphasis, code, links, HTML or a heading; folds line breaks. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, '\\$&').replace(/\s+/g, ' ');
}
