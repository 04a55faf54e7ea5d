// sentence-ends.ts must end sentences exactly where retext-english does, as the abbreviation repair in
// sentences.ts is written against retext's cuts. Its copied patterns and character tables are checked against
// parse-latin's and parse-english's own, and its cuts against retext's on every paragraph of real text (the
// shared eval sources and benchmark articles are read in place when ../shared exists) and on random strings of
// the characters its rules turn on.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import fc from 'fast-check';
import retextEnglish from 'retext-english';
import { unified } from 'unified';
import {
  AFFIX_SYMBOL,
  charKind,
  DIGIT_START,
  ELISION_AFFIX,
  ENGLISH_ABBREVIATION,
  ENGLISH_ABBREVIATION_SENSITIVE,
  KNOWN_CHAR_RANGES,
  LATIN_ABBREVIATION,
  LOWER_CASE_CHAR,
  NUMERIC_CHAR,
  sentenceEnds,
  TERMINAL_MARKER,
  WHITE_SPACE_CHAR,
  WORD_SYMBOL_INNER,
} from '../../src/core/text/sentence-ends.js';
import { splitParagraphs, splitSentences } from '../../src/core/text/sentences.js';

const english = unified().use(retextEnglish).freeze();

/** The oracle: the end offsets of retext-english's sentences, read as sentences.ts reads them. */
function retextEnds(block: string): number[] {
  const ends: number[] = [];
  for (const paragraph of english.parse(block).children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type === 'SentenceNode' && sentence.position) ends.push(sentence.position.end.offset!);
    }
  }
  return ends;
}

// sentences.ts gives larger blocks to its punctuation splitter.
const MAX_BLOCK_CHARS = 20_000;

interface Agreement {
  compared: number;
  leftToRetext: number;
  disagreements: string[];
}

function compareWithRetext(blocks: Iterable<string>): Agreement {
  const agreement: Agreement = { compared: 0, leftToRetext: 0, disagreements: [] };
  for (const block of blocks) {
    if (block.length > MAX_BLOCK_CHARS) continue;
    const ends = sentenceEnds(block);
    if (!ends) {
      agreement.leftToRetext++;
      continue;
    }
    agreement.compared++;
    const expected = retextEnds(block);
    if (ends.join() !== expected.join()) {
      const excerpt = JSON.stringify(block.slice(0, 200));
      agreement.disagreements.push(`${excerpt}: ${ends.join()} vs retext ${expected.join()}`);
    }
  }
  return agreement;
}

function paragraphsOf(texts: string[]): string[] {
  return texts.flatMap((text) => splitParagraphs(text).map((span) => text.slice(span.start, span.end)));
}

function assertAgrees(agreement: Agreement, minimumCompared: number): void {
  assert.deepEqual(agreement.disagreements.slice(0, 5), []);
  assert.ok(agreement.compared >= minimumCompared, `only ${agreement.compared} blocks compared`);
  assert.ok(agreement.leftToRetext <= agreement.compared / 100, `${agreement.leftToRetext} blocks left to retext`);
}

const repo = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(repo, '..', 'shared');
const readDirectory = (directory: string) =>
  readdirSync(directory).map((name) => readFileSync(join(directory, name), 'utf8'));

/** The distinct source documents of the shared benchmarks' cases.jsonl files. */
function benchmarkArticles(): string[] {
  const articles = new Set<string>();
  const benchmarks = join(shared, 'benchmarks');
  for (const name of readdirSync(benchmarks)) {
    const cases = join(benchmarks, name, 'cases.jsonl');
    if (!existsSync(cases)) continue;
    for (const line of readFileSync(cases, 'utf8').split('\n')) {
      if (line.trim()) articles.add((JSON.parse(line) as { source: string }).source);
    }
  }
  return [...articles];
}

/** The eval's source folder, laid out by its own script in a temporary directory. */
function evalSources(): string[] {
  const directory = mkdtempSync(join(tmpdir(), 'groundwork-eval-sources-'));
  try {
    execFileSync(process.execPath, [join(shared, 'eval', 'make-sources.mjs'), directory], { stdio: 'ignore' });
    return readDirectory(directory);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** A module file of the parse-latin or parse-english that retext-english itself loads. */
function libraryFile(library: 'parse-latin' | 'parse-english', path: string): string {
  const fromRetext = createRequire(createRequire(import.meta.url).resolve('retext-english'));
  const parseEnglish = fromRetext.resolve('parse-english');
  const main = library === 'parse-english' ? parseEnglish : createRequire(parseEnglish).resolve('parse-latin');
  return join(dirname(main), path);
}

describe('sentenceEnds', () => {
  describe('copies of the libraries’ patterns', () => {
    let latin: Record<string, RegExp>;
    let englishPatterns: Record<string, RegExp>;
    before(async () => {
      latin = await import(pathToFileURL(libraryFile('parse-latin', 'lib/expressions.js')).href);
      englishPatterns = await import(pathToFileURL(libraryFile('parse-english', 'lib/regex.js')).href);
    });

    it('are verbatim where copied whole', () => {
      const copies: [RegExp, RegExp][] = [
        [WHITE_SPACE_CHAR, latin.whiteSpace!],
        [TERMINAL_MARKER, latin.terminalMarker!],
        [WORD_SYMBOL_INNER, latin.wordSymbolInner!],
        [DIGIT_START, latin.digitStart!],
        [ENGLISH_ABBREVIATION, englishPatterns.abbreviations!],
        [ENGLISH_ABBREVIATION_SENSITIVE, englishPatterns.abbreviationsSensitive!],
        [ELISION_AFFIX, englishPatterns.elisionAffix!],
      ];
      for (const [copy, original] of copies) assert.equal(copy.source, original.source);
    });

    it('match the patterns the libraries keep private: prefix abbreviations and the apostrophe', () => {
      const plugin = readFileSync(libraryFile('parse-latin', 'lib/plugin/merge-prefix-exceptions.js'), 'utf8');
      const start = plugin.indexOf('new RegExp(');
      const construction = plugin.slice(start, plugin.indexOf('\n)', start));
      const withoutComments = construction.replace(/^\s*\/\/.*$/gm, '');
      const source = [...withoutComments.matchAll(/'([^']*)'/g)].map((match) => match[1]).join('');
      assert.equal(LATIN_ABBREVIATION.source, source);
      const parseEnglish = readFileSync(libraryFile('parse-english', 'lib/index.js'), 'utf8');
      assert.ok(parseEnglish.includes("const apostrophe = /^['’]$/"), "the apostrophes are ' and ’");
    });

    it('classify every known code unit as parse-latin does', () => {
      const kinds = ['unknown', 'white space', 'punctuation', 'word', 'symbol'];
      const mismatches: string[] = [];
      for (const [first, last] of KNOWN_CHAR_RANGES) {
        for (let code = first; code <= last; code++) {
          const char = String.fromCharCode(code);
          const hex = code.toString(16).padStart(4, '0');
          const kind = latin.whiteSpace!.test(char)
            ? 1
            : latin.punctuation!.test(char)
              ? 2
              : latin.word!.test(char)
                ? 3
                : 4;
          if (charKind(code) !== kind) mismatches.push(`U+${hex} ${kinds[kind]}, not ${kinds[charKind(code)]}`);
          if (LOWER_CASE_CHAR.test(char) !== latin.lowerInitial!.test(char)) mismatches.push(`U+${hex} lower case`);
          if (NUMERIC_CHAR.test(char) !== latin.numerical!.test(char)) mismatches.push(`U+${hex} numeric`);
          for (const run of [char, char + char]) {
            if (AFFIX_SYMBOL.test(run) !== latin.affixSymbol!.test(run)) mismatches.push(`U+${hex} affix symbol`);
          }
        }
      }
      assert.deepEqual(mismatches, []);
    });
  });

  describe('agrees with retext-english', () => {
    it('on the repository’s seeds, example draft and fixture drafts, per paragraph and whole', () => {
      const texts = [
        ...readDirectory(join(repo, 'seeds')),
        readFileSync(join(repo, 'examples', 'draft.md'), 'utf8'),
        ...readDirectory(join(repo, 'test', 'fixtures', 'drafts')),
      ];
      assertAgrees(compareWithRetext([...paragraphsOf(texts), ...texts]), 50);
    });

    it('on the shared eval’s source documents', function () {
      if (!existsSync(join(shared, 'eval', 'make-sources.mjs'))) this.skip();
      this.timeout(120_000);
      assertAgrees(compareWithRetext(paragraphsOf(evalSources())), 40);
    });

    it('on every paragraph of the shared benchmarks’ news articles', function () {
      if (!existsSync(join(shared, 'benchmarks'))) this.skip();
      this.timeout(300_000);
      assertAgrees(compareWithRetext(paragraphsOf(benchmarkArticles())), 2500);
    });

    it('on random strings of the words, marks and spaces its rules turn on', function () {
      this.timeout(120_000);
      const pieces = [
        ...['The', 'he', 'a', 'J', 'U', 'S', 'w', 'W', 'o', 'n', 'tis', 'em', '90s', 'Mr', 'Inc', 'etc', 'No'],
        ...['5', '12', '1234', 'é', 'ß', 'ω', 'Д', '\u0301', '²', '½'],
        ...[' ', ' ', ' ', '\n', '\n\n', '\r\n', '\r', '\n \n', '\t', '\u00A0', '\u2028', '\u200B'],
        ...['.', '.', '..', '...', '!', '?', '…', '‽', '"', "'", '’', '‘', '”', '“', ')', '(', ']', '}', '»'],
        ...['«', ',', ';', ':', '&', '-', '—', '/', '_', '@', '=', '·', '\u00AD', '\u2010', '#', '*', '😀'],
        ...['©', '€'],
      ];
      // A few pieces at a time, so that rare sequences ("w/.U.S.", "!'n'") come up.
      const blocks = fc
        .shuffledSubarray(pieces, { minLength: 3, maxLength: 8 })
        .chain((alphabet) => fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 30 }))
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(blocks, (block) => assert.deepEqual(sentenceEnds(block), retextEnds(block), JSON.stringify(block))),
        { numRuns: 10_000 },
      );
    });
  });

  it('ends sentences where retext does in the cases writers meet', () => {
    const sentencesOf = (block: string) => {
      let start = 0;
      return sentenceEnds(block)!.map((end) => block.slice(start, (start = end)).trim());
    };
    const cases: [string, string[]][] = [
      ['He said "Yes." Then he left.', ['He said "Yes."', 'Then he left.']],
      ['She wrote: “It is over.” Nobody replied.', ['She wrote: “It is over.”', 'Nobody replied.']],
      ['The U.S. Army arrived. It rained.', ['The U.S. Army arrived.', 'It rained.']],
      ['Mr. Smith arrived. Call J. Smith now.', ['Mr. Smith arrived.', 'Call J. Smith now.']],
      // retext cuts after "No."; sentences.ts repairs that (test/unit/sentences.test.ts).
      ['See No. 5 for details.', ['See No.', '5 for details.']],
      ['Really?! Yes. What?!? No!!', ['Really?!', 'Yes.', 'What?!?', 'No!!']],
      ['Wait... then go. Stop… Go.', ['Wait... then go.', 'Stop…', 'Go.']],
      ['The talks ended. and then it rained.', ['The talks ended. and then it rained.']],
      [
        'It rose to 5. 3 people left. It rose to 1999. Then it fell.',
        ['It rose to 5. 3 people left.', 'It rose to 1999.', 'Then it fell.'],
      ],
      ['"Why?", he asked. Prices rose 1.5 percent.', ['"Why?", he asked.', 'Prices rose 1.5 percent.']],
      ['One.\n\nTwo. ', ['One.', 'Two.']],
      // parse-english's elisions: "w/" is a word, so ".U.S." after it is none; "'tis" and "'n'" take their quote.
      ['Go w/.U.S. Then more.', ['Go w/.U.S.', 'Then more.']],
      ["Stop!'tis here. Stop!'n' there.", ['Stop!', "'tis here.", 'Stop!', "'n' there."]],
    ];
    for (const [block, expected] of cases) {
      assert.deepEqual(sentencesOf(block), expected, block);
      assert.deepEqual(sentenceEnds(block), retextEnds(block), block);
    }
  });

  it('leaves a block with characters it does not know to retext', () => {
    const block = 'Tokyo (東京) is big. It rains.';
    assert.equal(sentenceEnds(block), undefined);
    assert.deepEqual(
      splitSentences(block).map((sentence) => sentence.text),
      ['Tokyo (東京) is big.', 'It rains.'],
    );
  });
});
