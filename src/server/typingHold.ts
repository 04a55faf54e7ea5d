// Holds back new underlines on the sentence being typed until the writer pauses: a half-typed sentence is
// almost always "wrong", and a squiggle appearing under the cursor at every keystroke is noise.
import type { Span } from '../core/types.js';

export interface HeldItem<T> {
  /** Stable identity of the underline (fingerprint + code): one already shown is never held back. */
  key: string;
  /** The checked span (the sentence or quote) the underline belongs to. */
  span: Span;
  item: T;
}

export interface HoldResult<T> {
  visible: T[];
  /** When held items exist: wait this long, then publish again. */
  releaseInMs?: number;
}

export class TypingHold {
  private readonly lastEdit = new Map<string, { offset: number; at: number }>();
  private readonly shown = new Map<string, Set<string>>();

  constructor(
    private readonly holdMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  noteEdit(uri: string, offset: number): void {
    this.lastEdit.set(uri, { offset, at: this.now() });
  }

  apply<T>(uri: string, items: readonly HeldItem<T>[]): HoldResult<T> {
    const edit = this.lastEdit.get(uri);
    const shown = this.shown.get(uri) ?? new Set<string>();
    const waited = edit ? this.now() - edit.at : Infinity;
    const typing = waited < this.holdMs();
    const isHeld = (entry: HeldItem<T>) =>
      typing && entry.span.start <= edit!.offset && edit!.offset <= entry.span.end && !shown.has(entry.key);
    const visible = items.filter((entry) => !isHeld(entry));
    this.shown.set(uri, new Set(visible.map((entry) => entry.key)));
    const held = visible.length < items.length;
    return { visible: visible.map((entry) => entry.item), releaseInMs: held ? this.holdMs() - waited : undefined };
  }

  forget(uri: string): void {
    this.lastEdit.delete(uri);
    this.shown.delete(uri);
  }
}
