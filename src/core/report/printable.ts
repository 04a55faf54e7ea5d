// Text from file names and source documents, made safe to print on one line of a terminal or a CI log:
// an ESC, BEL or carriage return in a file name could otherwise rewrite the screen, recolour it, set the window
// title or hide a finding, a line break could forge a finding line, and bidirectional overrides could show
// a reader something other than what is there. Each such character is written as its escape, so nothing is lost.

// C0 controls (tab and line breaks included: a finding is one line), DEL, C1 controls, the line and paragraph
// separators, and the bidirectional embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- these control characters are what is escaped
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
