// Where retext-english ends sentences, computed without building its syntax tree. retext-english (parse-english 7
// on parse-latin 7) cuts a block into word / white-space / punctuation / symbol nodes, merges some of them into
// words, splits after terminal markers and then joins sentences back by a list of rules; building and rewriting
// that tree was ~30% of the index build. This file replays the same steps in the same order on flat arrays of
// token boundaries, including the libraries' iteration quirks (which node a rule looks at next after a merge),
// because those decide where sentences end too. It knows the characters of Latin, Greek and Cyrillic text,
// typographic punctuation and common symbols; for any other character parse-latin's large Unicode classes would
// be needed, so such a block is left to retext. test/unit/sentence-ends.test.ts checks every pattern and
// character class here against the libraries' own and compares the results with retext's on real text.

const WHITE_SPACE = 1;
const PUNCTUATION = 2;
const WORD = 3;
const SYMBOL = 4;

/**
 * End offsets (into `block`) of retext-english's sentences, ascending (the last one ends the block's text), or
 * undefined when the block has a character outside the ones this file knows.
 */
export function sentenceEnds(block: string): number[] | undefined {
  const nodes = tokenize(block);
  if (!nodes) return undefined;
  mergeEnglishElisions(nodes);
  mergeInitialAmpersands(nodes);
  mergeFinalHyphens(nodes);
  mergeInnerWordSymbols(nodes);
  mergeInnerWordSlashes(nodes);
  mergeInitialisms(nodes);
  const sentences = splitAfterTerminalMarkers(nodes);
  mergeAfterPrefixes(sentences, isEnglishAbbreviation);
  mergeNonWordSentences(sentences);
  moveAffixSymbolsBack(sentences);
  mergeWhenStarting(sentences, startsWithLowerCaseWord);
  mergeWhenStarting(sentences, startsWithDigit);
  mergeAfterPrefixes(sentences, isLatinAbbreviation);
  mergeWhenStarting(sentences, startsWithCommaOrSemicolon);
  trimWhiteSpace(sentences);
  breakAtBlankLines(sentences);
  return sentences.ends();
}

// --- Characters -----------------------------------------------------------------------------------------------

/** The UTF-16 code units this file classifies: Latin, Greek, Cyrillic, general punctuation, common symbols. */
export const KNOWN_CHAR_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0000, 0x052f], // ASCII, Latin-1, Latin Extended-A/B, IPA, modifiers, combining marks, Greek, Cyrillic
  [0x1e00, 0x1fff], // Latin Extended Additional, Greek Extended
  [0x2000, 0x22ff], // general punctuation, super- and subscripts, currency, letterlike, number forms, arrows, math
  [0x25a0, 0x25ff], // geometric shapes (bullets)
  [0xd800, 0xdfff], // surrogates: parse-latin sees each half of an emoji as a symbol character
];

// parse-latin's white-space class; within the known ranges its punctuation, word, lower-case and numeric classes
// are these Unicode categories with the listed exceptions (the test checks every code unit against parse-latin).
export const WHITE_SPACE_CHAR = /[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/;
export const PUNCTUATION_CHAR = /(?![#%&*@\u2020\u2021\u2030\u2031\u203B])\p{P}/u;
export const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
export const LOWER_CASE_CHAR = /[\p{Ll}\u0295]/u; // U+0295: lower case in parse-latin's Unicode version, not Node's
export const NUMERIC_CHAR = /\p{N}/u;

// parse-latin's `terminalMarker`, `wordSymbolInner`, `affixSymbol` (within the known ranges) and `digitStart`.
export const TERMINAL_MARKER = /^([!.?\u2026\u203D]+)$/;
export const WORD_SYMBOL_INNER = /^([&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/;
export const AFFIX_SYMBOL = /^([!"').?\]}\u00BB\u2019\u201D\u2026\u203A\u203D\u2046\u207E\u208E])\1*$/;
export const DIGIT_START = /^\d/;
// Private in parse-latin's merge-prefix-exceptions.js: words whose full stop does not end a sentence.
export const LATIN_ABBREVIATION =
  /^([0-9]{1,3}|[a-z]|al|ca|cap|cca|cent|cf|cit|con|cp|cwt|ead|etc|ff|fl|ibid|id|nem|op|pro|seq|sic|stat|tem|viz)$/;
// parse-english's `abbreviations`, `abbreviationsSensitive` and `elisionAffix`.
export const ENGLISH_ABBREVIATION =
  /^(t(?:hurs|bsp|sp)|s(?:e(?:pt|c)|q)|(?:tue|bbl|yd)s|thu|sep|tue|bbl|nov|aug|ju[ln]|(?:ap|h)r|(?:ja|su)n|m(?:ar|on|in)|(?:sa|oc|[kpq])t|g(?:ro|al)|f(?:eb|ri|[lt])|d(?:ec|oz)|wed|l(?:bs|td)|inc?|mi|gr|yd|lb|oz|cu)$/;
export const ENGLISH_ABBREVIATION_SENSITIVE =
  /^((?:Northant|Derby|S(?:hrop|taff)|W(?:ark|orc)|L(?:in|ei|an)c|C(?:amb|he)|Trea|York|B(?:uck|e(?:rk|d))|(?:Not|Wil)t|H(?:er|[au]n)t|Glo|Pre)s|Northumb|N(?:or(?:thd|f)|e(?:br|v)|atl)|M(?:(?:essr|as|se)s|i(?:ddx|nn|ch|ss)|ont|lle|s(?:gr|s)|ddx|(?:me|r)s?|a[jn]|ex|gr|o|d|e|s|[tx])?|Heref|P(?:enna|[ahot])|D(?:e(?:rbs|[lv])|r)|Westm|(?:Cali|Pro)f|S(?:a(?:lop|sk)|uff|om|e[cn]|[qrxy])|(?:Bldg|Kan)s?|Here|P(?:enn?|k)|St(?:af)?|W(?:isc|arw|yo)|C(?:umb|olo)|B(?:lvd|rig)|(?:Ok|F)la|(?:Pk|[FH])wy|A(?:r(?:iz|k)|lt?a|tty|m[bd])|(?:Cap|S(?:up|g)|On|Ru|U)t|(?:Ter|Cd|D[ou]|Sn|J)r|(?:Oxo|Co[nr]|Ten|Ke|Ge|Ho)n|Wash|N(?:eb|at)|W(?:is|ar|o)|C(?:al|ol?)|Qu[e\u00E9]|I(?:ll|a)|Tex|G(?:ov|a)|Ind|R(?:te|e[pv]|d)|Ida|(?:Yu|Da)k|(?:Or|Av)e|Ssx|Ok|La|Br|Rt|Id|V[at]|Ky|Lt|F[rt])$/;
export const ELISION_AFFIX = /^(t(?:were|(?:wa|i)s)|cause|e[mr]|im|\d\ds?)$/;

// Lookup tables over all code units, filled for the known ones, so that the scan asks no regex per character.
const charKinds = tableOfKnownChars(kindOfChar); // 0: not a known character
const lowerCaseChars = tableOfKnownChars((char) => (LOWER_CASE_CHAR.test(char) ? 1 : 0));
const terminalChars = tableOfKnownChars((char) => (TERMINAL_MARKER.test(char) ? 1 : 0));
const innerWordChars = tableOfKnownChars((char) => (WORD_SYMBOL_INNER.test(char) ? 1 : 0));

function tableOfKnownChars(valueOf: (char: string) => number): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [first, last] of KNOWN_CHAR_RANGES) {
    for (let code = first; code <= last; code++) table[code] = valueOf(String.fromCharCode(code));
  }
  return table;
}

function kindOfChar(char: string): number {
  if (WHITE_SPACE_CHAR.test(char)) return WHITE_SPACE;
  if (PUNCTUATION_CHAR.test(char)) return PUNCTUATION;
  return WORD_CHAR.test(char) ? WORD : SYMBOL;
}

/** parse-latin's kind of a known code unit: 1 white space, 2 punctuation, 3 word, 4 symbol; 0 if unknown. */
export function charKind(code: number): number {
  return charKinds[code] ?? 0;
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

// --- Nodes ----------------------------------------------------------------------------------------------------

const NONE = -1;

/**
 * The block's nodes, a linked list over its tokens: a node is named by its first token and runs up to the next
 * node's; parse-latin's word nodes hold the tokens merged into them, the others one token each. Merging unlinks
 * nodes, so rules visit the marks (punctuation and symbol tokens, the only nodes they act on) in order instead
 * of every node. The buffers are reused from block to block: a call never runs inside another.
 */
class Nodes {
  text = '';
  count = 0; // tokens; also the end of the list
  tokenStarts = new Int32Array(0); // then the text's length at [count]
  kind = new Uint8Array(0); // 0 once merged into another node
  next = new Int32Array(0);
  previous = new Int32Array(0); // also of the end, [count]: the last node
  marks = new Int32Array(0);
  markCount = 0;

  reset(text: string): void {
    this.text = text;
    this.count = 0;
    this.markCount = 0;
    if (this.tokenStarts.length <= text.length) {
      const size = Math.max(2 * this.tokenStarts.length, text.length + 1);
      this.tokenStarts = new Int32Array(size);
      this.kind = new Uint8Array(size);
      this.next = new Int32Array(size);
      this.previous = new Int32Array(size);
      this.marks = new Int32Array(size);
    }
  }

  addToken(start: number, kind: number): void {
    const token = this.count++;
    this.tokenStarts[token] = start;
    this.kind[token] = kind;
    this.next[token] = token + 1;
    this.previous[token] = token - 1;
    if (kind === PUNCTUATION || kind === SYMBOL) this.marks[this.markCount++] = token;
  }

  close(): void {
    this.tokenStarts[this.count] = this.text.length;
    this.previous[this.count] = this.count - 1;
  }

  start(node: number): number {
    return this.tokenStarts[node]!;
  }

  stop(node: number): number {
    return this.tokenStarts[this.next[node]!]!;
  }

  length(node: number): number {
    return this.stop(node) - this.start(node);
  }

  value(node: number): string {
    return this.text.slice(this.start(node), this.stop(node));
  }

  /** The node after `node`, NONE at the end. */
  after(node: number): number {
    const next = this.next[node]!;
    return next === this.count ? NONE : next;
  }

  /** The node before `node`, NONE at the start. */
  before(node: number): number {
    return this.previous[node]!;
  }

  isWord(node: number): boolean {
    return node !== NONE && this.kind[node] === WORD;
  }

  isWhiteSpace(node: number): boolean {
    return node !== NONE && this.kind[node] === WHITE_SPACE;
  }

  /** Punctuation or symbol: the nodes merge rules act on. */
  isMark(node: number): boolean {
    const kind = node === NONE ? 0 : this.kind[node];
    return kind === PUNCTUATION || kind === SYMBOL;
  }

  /** A node of exactly this one character. */
  isChar(node: number, char: string): boolean {
    return this.length(node) === 1 && this.text.charCodeAt(this.start(node)) === char.charCodeAt(0);
  }

  isApostrophe(node: number): boolean {
    return this.isChar(node, "'") || this.isChar(node, '\u2019');
  }

  isTerminalMarker(node: number): boolean {
    if (this.kind[node] !== PUNCTUATION) return false;
    for (let index = this.start(node); index < this.stop(node); index++) {
      if (!terminalChars[this.text.charCodeAt(index)]) return false;
    }
    return true;
  }

  isInnerWordSymbol(node: number): boolean {
    if (!this.isMark(node)) return false;
    return this.length(node) === 1
      ? innerWordChars[this.text.charCodeAt(this.start(node))] === 1
      : WORD_SYMBOL_INNER.test(this.value(node));
  }

  /** Line breaks in the node, "\r\n" counting once. */
  lineBreaks(node: number): number {
    let breaks = 0;
    for (let index = this.start(node); index < this.stop(node); index++) {
      const code = this.text.charCodeAt(index);
      if (code === 0x0a || (code === 0x0d && this.text.charCodeAt(index + 1) !== 0x0a)) breaks++;
    }
    return breaks;
  }

  /** The nodes from `first` through `last` become part of the node before `first`. */
  mergeBack(first: number, last = first): void {
    const before = this.previous[first]!;
    const after = this.next[last]!;
    for (let node = first; node !== after; node = this.next[node]!) this.kind[node] = 0;
    this.next[before] = after;
    this.previous[after] = before;
  }

  /** `node` and the nodes after it through `last` become one word. */
  mergeIntoWord(node: number, last: number): void {
    this.mergeBack(this.next[node]!, last);
    this.kind[node] = WORD;
  }
}

const shared = new Nodes();

/** parse-latin's tokens as one node each; undefined at an unknown character. */
function tokenize(text: string): Nodes | undefined {
  const nodes = shared;
  nodes.reset(text);
  let previousKind = 0;
  let previousCode = -1;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const kind = charKinds[code]!;
    if (kind === 0) return undefined;
    // Words and white space run on; punctuation and symbols only over the same character (or a surrogate).
    const continues =
      kind === previousKind && (kind === WORD || kind === WHITE_SPACE || code === previousCode || isSurrogate(code));
    if (!continues) nodes.addToken(index, kind);
    previousKind = kind;
    previousCode = code;
  }
  nodes.close();
  return nodes;
}

// --- Merges within the block (parse-latin's sentence plugins, parse-english's elision first) ------------------
// Each rule visits the marks left to right; a mark merged into a word is no longer one and is passed over.

// parse-english: "w/" is a word ("w/.U.S." then is no initialism), and an apostrophe starts the word after it in
// "'tis", "'em", "'90s" and "'n'" (so it is no closing quote either: `Stop!'tis`). Its third merge, the apostrophe
// of "o' " into the word before, is left out: a mark between a word and white space never starts or ends a
// sentence. Nor is the node after a merged one skipped as the plugin does: after "w/" it cannot be merged anyway.
function mergeEnglishElisions(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isMark(mark)) continue;
    const before = nodes.before(mark);
    const after = nodes.after(mark);
    if (nodes.isChar(mark, '/')) {
      if (nodes.isWord(before) && nodes.value(before).toLowerCase() === 'w') nodes.mergeBack(mark);
    } else if (nodes.isApostrophe(mark) && nodes.isWord(after) && !nodes.isWord(before)) {
      const word = nodes.value(after).toLowerCase();
      const closing = nodes.after(after);
      if (ELISION_AFFIX.test(word)) nodes.mergeIntoWord(mark, after);
      else if (word === 'n' && closing !== NONE && nodes.kind[closing] === PUNCTUATION && nodes.isApostrophe(closing)) {
        nodes.mergeIntoWord(mark, closing);
      }
    }
  }
}

// "&" starts the word after it ("&c") unless a word comes before it. (The plugin then revisits the node before,
// which cannot be another lone "&": two would have been one node.)
function mergeInitialAmpersands(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isMark(mark) || !nodes.isChar(mark, '&')) continue;
    const after = nodes.after(mark);
    if (!nodes.isWord(nodes.before(mark)) && nodes.isWord(after)) nodes.mergeIntoWord(mark, after);
  }
}

// A "-" after a word and not before one ends that word: "pre- and post-war".
function mergeFinalHyphens(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isMark(mark) || !nodes.isChar(mark, '-')) continue;
    if (nodes.isWord(nodes.before(mark)) && !nodes.isWord(nodes.after(mark))) nodes.mergeBack(mark);
  }
}

// Words joined by inner symbols are one word: "U.S", "1.5", "end.Next", "AT&T", "what?no". Symbols after the
// last joined word ("U.S" + ".") stay out.
function mergeInnerWordSymbols(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isMark(mark) || !nodes.isWord(nodes.before(mark))) continue;
    let lastWord = NONE;
    for (let node = mark; node !== NONE; node = nodes.after(node)) {
      if (nodes.isWord(node)) lastWord = node;
      else if (!nodes.isInnerWordSymbol(node)) break;
    }
    if (lastWord !== NONE) nodes.mergeBack(mark, lastWord);
  }
}

// "/" between short words joins them: "w/o", "and/or" stays apart.
function mergeInnerWordSlashes(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isMark(mark) || !nodes.isChar(mark, '/')) continue;
    const before = nodes.before(mark);
    if (!nodes.isWord(before)) continue;
    const last = nodes.isWord(nodes.after(mark)) ? nodes.after(mark) : mark;
    const nextLength = last === mark ? 0 : nodes.length(last);
    if (nodes.length(before) < 3 && nextLength < 3) nodes.mergeBack(mark, last);
  }
}

// The full stop after an initialism ("U.S" + "."): it is no terminal marker then.
function mergeInitialisms(nodes: Nodes): void {
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (nodes.kind[mark] !== PUNCTUATION || !nodes.isChar(mark, '.')) continue;
    const before = nodes.before(mark);
    if (nodes.isWord(before) && isInitialism(nodes, before)) nodes.mergeBack(mark);
  }
}

// parse-latin's test, on the word's tokens read backwards: single characters at even positions and "." at odd
// ones, up to a non-"." that is not the last separator, and not all digits ("1.5" is a number).
function isInitialism(nodes: Nodes, word: number): boolean {
  const count = nodes.next[word]! - word; // tokens: a node runs up to the next one
  if (count === 1 || count % 2 === 0) return false;
  let allDigits = true;
  for (let position = count - 1; position >= 0; position--) {
    const token = word + position;
    const value = nodes.text.slice(nodes.tokenStarts[token], nodes.tokenStarts[token + 1]);
    if (position % 2 === 0) {
      if (value.length > 1) return false;
      if (!NUMERIC_CHAR.test(value)) allDigits = false;
    } else if (value !== '.') {
      if (position < count - 2) break;
      return false;
    }
  }
  return !allDigits;
}

// --- Sentences (parse-latin's paragraph plugins, parse-english's prefix exceptions first) ---------------------

/**
 * Sentences as runs of nodes [first, last] (empty when first > last), first cut after every terminal marker.
 * The paragraph plugins move nodes into or out of sentences. Left out: folding a full stop into the abbreviation
 * before it, and parse-latin's mergeRemainingFullStops, which folds full stops into words within a sentence:
 * neither moves a boundary.
 */
class Sentences {
  first: number[] = [];
  last: number[] = [];
  count = 0;

  constructor(readonly nodes: Nodes) {}

  add(first: number, last: number): void {
    this.first[this.count] = first;
    this.last[this.count++] = last;
  }

  isEmpty(sentence: number): boolean {
    return this.first[sentence]! > this.last[sentence]!;
  }

  hasWord(sentence: number): boolean {
    const { nodes } = this;
    const last = this.last[sentence]!;
    for (let node = this.first[sentence]!; node !== NONE && node <= last; node = nodes.after(node)) {
      if (nodes.isWord(node)) return true;
    }
    return false;
  }

  copy(from: number, to: number): void {
    this.first[to] = this.first[from]!;
    this.last[to] = this.last[from]!;
  }

  ends(): number[] {
    const ends: number[] = [];
    for (let sentence = 0; sentence < this.count; sentence++) {
      if (!this.isEmpty(sentence)) ends.push(this.nodes.stop(this.last[sentence]!));
    }
    return ends;
  }
}

function splitAfterTerminalMarkers(nodes: Nodes): Sentences {
  const sentences = new Sentences(nodes);
  if (nodes.count === 0) return sentences;
  let first = 0; // the first token is always a node: merges only ever join a node to the one before
  for (let index = 0; index < nodes.markCount; index++) {
    const mark = nodes.marks[index]!;
    if (!nodes.isTerminalMarker(mark)) continue;
    sentences.add(first, mark);
    first = nodes.next[mark]!;
  }
  if (first < nodes.count) sentences.add(first, nodes.previous[nodes.count]!);
  return sentences;
}

// A sentence ending in an abbreviation and a full stop ("Mr.", "Inc.", "etc.", "J.", "5.") takes in the next one,
// again and again.
function mergeAfterPrefixes(sentences: Sentences, isAbbreviation: (word: string) => boolean): void {
  const { nodes } = sentences;
  let write = 0;
  for (let read = 0; read < sentences.count;) {
    sentences.copy(read++, write);
    for (;;) {
      const last = sentences.last[write]!;
      const word = nodes.before(last);
      const endsWithAbbreviation =
        sentences.first[write]! < last && // two nodes or more
        nodes.isChar(last, '.') &&
        nodes.isMark(last) &&
        nodes.isWord(word) &&
        isAbbreviation(nodes.value(word));
      if (!endsWithAbbreviation || read >= sentences.count) break;
      sentences.last[write] = sentences.last[read++]!;
    }
    write++;
  }
  sentences.count = write;
}

// parse-english asks for a punctuation node; the full stops seen here always are one.
function isEnglishAbbreviation(word: string): boolean {
  return ENGLISH_ABBREVIATION.test(word.toLowerCase()) || ENGLISH_ABBREVIATION_SENSITIVE.test(word);
}

function isLatinAbbreviation(word: string): boolean {
  return LATIN_ABBREVIATION.test(word.toLowerCase());
}

// A sentence without words joins the one before, or (the first one) the one after, which then is not looked at.
function mergeNonWordSentences(sentences: Sentences): void {
  let write = 0;
  for (let read = 0; read < sentences.count; read++) {
    if (sentences.hasWord(read)) sentences.copy(read, write++);
    else if (write > 0) sentences.last[write - 1] = sentences.last[read]!;
    else if (read + 1 < sentences.count) {
      sentences.copy(read, write);
      sentences.last[write++] = sentences.last[++read]!;
    } else sentences.copy(read, write++);
  }
  sentences.count = write;
}

// Closing quotes and brackets after a terminal marker belong to the sentence it ends: `"Yes." He`.
function moveAffixSymbolsBack(sentences: Sentences): void {
  const { nodes } = sentences;
  for (let sentence = 1; sentence < sentences.count; sentence++) {
    while (!sentences.isEmpty(sentence)) {
      const first = sentences.first[sentence]!;
      if (!nodes.isMark(first) || !AFFIX_SYMBOL.test(nodes.value(first))) break;
      sentences.last[sentence - 1] = first;
      sentences.first[sentence] = nodes.next[first]!;
    }
  }
}

type SentenceTest = (nodes: Nodes, first: number, last: number) => boolean;

/** Each non-empty sentence for which `continues` holds joins the one before it. */
function mergeWhenStarting(sentences: Sentences, continues: SentenceTest): void {
  let write = 0;
  for (let read = 0; read < sentences.count; read++) {
    const first = sentences.first[read]!;
    const last = sentences.last[read]!;
    if (write > 0 && first <= last && continues(sentences.nodes, first, last)) sentences.last[write - 1] = last;
    else sentences.copy(read, write++);
  }
  sentences.count = write;
}

// The first word (before any punctuation) starts lower-case: "Wait... then go".
function startsWithLowerCaseWord(nodes: Nodes, first: number, last: number): boolean {
  for (let node = first; node !== NONE && node <= last; node = nodes.after(node)) {
    if (nodes.isWord(node)) return lowerCaseChars[nodes.text.charCodeAt(nodes.start(node))] === 1;
    if (nodes.isMark(node)) return false;
  }
  return false;
}

// Only a sentence with no white space before its digit: "Wow!5 more".
function startsWithDigit(nodes: Nodes, first: number): boolean {
  return nodes.isWord(first) && DIGIT_START.test(nodes.value(first));
}

// The first mark (before any word) is "," or ";": `"Yes?", he said`.
function startsWithCommaOrSemicolon(nodes: Nodes, first: number, last: number): boolean {
  for (let node = first; node !== NONE && node <= last; node = nodes.after(node)) {
    if (nodes.isWord(node)) return false;
    if (nodes.isMark(node)) return nodes.isChar(node, ',') || nodes.isChar(node, ';');
  }
  return false;
}

// White space at either end of a sentence is not part of it.
function trimWhiteSpace(sentences: Sentences): void {
  const { nodes, first, last } = sentences;
  for (let sentence = 0; sentence < sentences.count; sentence++) {
    while (!sentences.isEmpty(sentence) && nodes.isWhiteSpace(first[sentence]!)) {
      first[sentence] = nodes.next[first[sentence]!]!;
    }
    while (!sentences.isEmpty(sentence) && nodes.isWhiteSpace(last[sentence]!)) {
      last[sentence] = nodes.previous[last[sentence]!]!;
    }
  }
}

// White space with two or more line breaks inside a sentence ends it.
function breakAtBlankLines(sentences: Sentences): void {
  const { nodes } = sentences;
  if (!/[\n\r][^]*[\n\r]/.test(nodes.text)) return;
  const broken = new Sentences(nodes);
  for (let sentence = 0; sentence < sentences.count; sentence++) {
    let first = sentences.first[sentence]!;
    const last = sentences.last[sentence]!;
    if (first > last) continue;
    for (let node = nodes.next[first]!; node < last; node = nodes.next[node]!) {
      if (nodes.isWhiteSpace(node) && nodes.lineBreaks(node) >= 2) {
        broken.add(first, nodes.previous[node]!);
        first = nodes.next[node]!;
      }
    }
    broken.add(first, last);
  }
  sentences.first = broken.first;
  sentences.last = broken.last;
  sentences.count = broken.count;
}
