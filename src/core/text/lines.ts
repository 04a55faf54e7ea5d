// Offsets <-> LSP positions. Diagnostics, hovers and the CLI's `file:line:col` all go through here, so the
// conventions are LSP's: 0-based lines, characters counted in UTF-16 code units, and \n, \r\n or a lone \r
// each end one line.
import type { Position, Range, Span } from '../types.js';

export class LineIndex {
  /** Offset of the first character of each line; lineStarts[0] = 0. */
  private readonly lineStarts: number[] = [0];
  /** Offset just past the last character of each line, before its line break. */
  private readonly lineEnds: number[] = [];
  private readonly length: number;

  constructor(text: string) {
    this.length = text.length;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== 10 /* \n */ && code !== 13 /* \r */) continue;
      this.lineEnds.push(i);
      if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
      this.lineStarts.push(i + 1);
    }
    this.lineEnds.push(text.length);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offsets outside the text are clamped to it, as LSP clients expect. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /** As in LSP, a character past its line's end lands on the line end; a line past the last, on the text end. */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.length;
    const lineStart = this.lineStarts[position.line]!;
    return Math.max(lineStart, Math.min(lineStart + position.character, this.lineEnds[position.line]!));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
