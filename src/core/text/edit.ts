// The difference between two versions of a text that one edit made, as an editor sends them on each keystroke.

/** How a text changed: `previous.slice(start, oldEnd)` became `text.slice(start, newEnd)`. */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The one span that differs between two texts, found from their common start and end. */
export function editBetween(previous: string, text: string): TextEdit {
  let start = 0;
  const shorter = Math.min(previous.length, text.length);
  while (start < shorter && previous.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = previous.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && previous.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}
