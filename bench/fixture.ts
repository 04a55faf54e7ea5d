// What every measuring process works on, written once by the parent so that all of them see the same draft.
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from './corpus.js';
import { makeDraft, oneWordEdits, quotesOf, type PlantedSentence } from './drafts.js';
import { benchWorkDir } from './paths.js';

export interface DraftFixture {
  text: string;
  words: number;
  sentences: PlantedSentence[];
  /** Quoted passages of the draft: what the quote lookups search for. */
  quotes: string[];
  /** The typing session: successive versions of `text`, each one word different from the one before. */
  edits: string[];
}

const EDITS = 60;
/** Drafts quote only articles that every corpus size contains (the real ones come first in each corpus). */
const DRAFT_ARTICLES = 2500;

export function writeDraftFixture(articles: readonly Article[]): string {
  const draft = makeDraft(articles.slice(0, DRAFT_ARTICLES));
  const fixture: DraftFixture = {
    text: draft.text,
    words: draft.words,
    sentences: draft.sentences,
    quotes: quotesOf(draft.text),
    edits: oneWordEdits(draft.text, EDITS),
  };
  const file = path.join(benchWorkDir(), 'draft.json');
  fs.writeFileSync(file, JSON.stringify(fixture));
  return file;
}

export function readDraftFixture(file: string): DraftFixture {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as DraftFixture;
}
