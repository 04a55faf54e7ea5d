// The benchmark corpora: the distinct source articles of the shared claim-verification benchmarks, and larger
// corpora made from them by recombining their paragraphs. Written once as .txt files and reused between runs.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { benchWorkDir } from './paths.js';
import { randomInt, seededRandom, type Random } from './random.js';
import { splitParagraphs } from './sentences.js';

/** Bump when the generator changes, so stale corpora on disk are rebuilt. */
const GENERATOR_VERSION = 1;

export interface Article {
  /** `<dataset>-<n>`: stable, and readable in a finding's file name. */
  name: string;
  text: string;
}

export interface Corpus {
  dir: string;
  docs: number;
  bytes: number;
  /** How many documents are real articles; the rest are recombinations. */
  realDocs: number;
}

/** Every distinct `source` of `<sharedDir>/benchmarks/<dataset>/cases.jsonl`, in a fixed order. */
export function readBenchmarkArticles(sharedDir: string): Article[] {
  const benchmarks = path.join(sharedDir, 'benchmarks');
  const seen = new Set<string>();
  const articles: Article[] = [];
  for (const dataset of fs.readdirSync(benchmarks).sort()) {
    const casesFile = path.join(benchmarks, dataset, 'cases.jsonl');
    if (!fs.existsSync(casesFile)) continue;
    let n = 0;
    for (const line of fs.readFileSync(casesFile, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { source } = JSON.parse(line) as { source: string };
      const digest = crypto.createHash('sha1').update(source).digest('hex');
      if (seen.has(digest)) continue;
      seen.add(digest);
      articles.push({ name: `${dataset}-${String(n++).padStart(4, '0')}`, text: source });
    }
  }
  return articles;
}

/**
 * `docs` documents: the first `docs` real articles, or all of them plus recombined ones up to `docs`.
 * Deterministic: the same articles and size give the same files.
 */
export function writeCorpus(articles: readonly Article[], docs: number): Corpus {
  const dir = path.join(benchWorkDir(), `corpus-${docs}-v${GENERATOR_VERSION}`);
  const marker = path.join(dir, '.complete.json');
  if (fs.existsSync(marker)) return JSON.parse(fs.readFileSync(marker, 'utf8')) as Corpus;

  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'articles'), { recursive: true });
  let bytes = 0;
  const write = (relative: string, text: string) => {
    const buffer = Buffer.from(text, 'utf8');
    fs.writeFileSync(path.join(dir, relative), buffer);
    bytes += buffer.length;
  };
  const realDocs = Math.min(docs, articles.length);
  for (const article of articles.slice(0, realDocs)) write(`articles/${article.name}.txt`, article.text);
  if (docs > realDocs) {
    fs.mkdirSync(path.join(dir, 'mixed'));
    const random = seededRandom(docs);
    const paragraphs = articles.map((article) => splitParagraphs(article.text));
    for (let n = 0; n < docs - realDocs; n++) {
      write(`mixed/${String(n).padStart(6, '0')}.txt`, recombine(random, articles, paragraphs));
    }
  }
  const corpus: Corpus = { dir, docs, bytes, realDocs };
  // Written last: a run interrupted half-way leaves no marker and the corpus is rebuilt next time.
  fs.writeFileSync(marker, JSON.stringify(corpus));
  return corpus;
}

/** A new document about as long as a random real one, made of runs of consecutive paragraphs of random articles. */
function recombine(random: Random, articles: readonly Article[], paragraphs: readonly string[][]): string {
  const targetLength = Math.min(12_000, Math.max(600, articles[randomInt(random, 0, articles.length - 1)].text.length));
  const parts: string[] = [];
  let length = 0;
  while (length < targetLength) {
    const from = paragraphs[randomInt(random, 0, paragraphs.length - 1)];
    if (from.length === 0) continue;
    const start = randomInt(random, 0, from.length - 1);
    for (const paragraph of from.slice(start, start + randomInt(random, 1, 3))) {
      parts.push(paragraph);
      length += paragraph.length + 2;
    }
  }
  return parts.join('\n\n') + '\n';
}
