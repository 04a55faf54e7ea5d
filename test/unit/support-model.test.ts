import assert from 'node:assert/strict';
import { SourceLibrary } from '../../src/core/library.js';
import { tokenize } from '../../src/core/text/normalize.js';
import { alignmentSignals } from '../../src/core/verify/alignment.js';
import { sourceWords, wordOverlap } from '../../src/core/verify/word-overlap.js';
import { treesMargin, type BoostedTrees } from '../../src/core/verify/boosted-trees.js';
import { SUPPORT_MODEL } from '../../src/core/verify/model.js';
import { FEATURE_DIRECTIONS, FEATURE_NAMES } from '../../src/core/verify/signals.js';
import { fitBoostedTrees } from '../../scripts/support-model/boosting.js';
import {
  balancedWeights,
  bestThreshold,
  bootstrap,
  crossValidate,
  figures,
  type Labelled,
} from '../../scripts/support-model/evaluate.js';

describe('support model', () => {
  it('is the one fitted on the features the checker computes, on dev cases only', () => {
    assert.deepEqual(SUPPORT_MODEL.features, [...FEATURE_NAMES]);
    assert.ok(SUPPORT_MODEL.threshold > 0 && SUPPORT_MODEL.threshold < 1);
    assert.match(JSON.stringify(SUPPORT_MODEL.provenance), /labelled dev cases .* \(no test labels\)/);
  });

  it('adds up the leaf each tree sends a feature vector to', () => {
    const model: BoostedTrees = {
      base: -0.25,
      trees: [
        [{ feature: 0, threshold: 0.5, left: 1, right: 2 }, { value: -1 }, { value: 2 }],
        [
          { feature: 1, threshold: 3, left: 1, right: 2 },
          { value: 0.5 },
          { feature: 0, threshold: 0.9, left: 3, right: 4 },
          { value: 0.125 },
          { value: 4 },
        ],
      ],
    };
    assert.equal(treesMargin(model, [0.2, 1]), -0.25 - 1 + 0.5);
    assert.equal(treesMargin(model, [0.5, 3]), -0.25 + 2 + 0.125);
    assert.equal(treesMargin(model, [0.95, 7]), -0.25 + 2 + 4);
  });
});

describe('fitting boosted trees', () => {
  const parameters = { trees: 20, depth: 2, learningRate: 0.3, lambda: 1, minChildHessian: 0.1, monotone: [0, 0] };

  it('splits a cleanly separated feature halfway between the two labels', () => {
    const examples = [0.1, 0.2, 0.3, 0.7, 0.8, 0.9].map((v, i) => ({
      x: [v, 5],
      y: (i < 3 ? 0 : 1) as 0 | 1,
      weight: 1,
    }));
    const { trees } = fitBoostedTrees(examples, parameters);
    assert.deepEqual(trees[0][0], { feature: 0, threshold: 0.5, left: 1, right: 2 });
  });

  it('keeps a feature declared score-lowering from ever raising the score, whatever the data say', () => {
    // Label 1 grows with feature 0 in the data; declared -1, the fit may not follow it.
    const examples = Array.from({ length: 40 }, (_, i) => ({
      x: [i % 10, Math.floor(i / 10)],
      y: (i % 10 >= 5 ? 1 : 0) as 0 | 1,
      weight: 1,
    }));
    const free = fitBoostedTrees(examples, parameters);
    const constrained = fitBoostedTrees(examples, { ...parameters, monotone: [-1, 0] });
    assert.ok(treesMargin(free, [9, 0]) > treesMargin(free, [0, 0]) + 1, 'the unconstrained fit follows the data');
    for (const other of [0, 1, 2, 3]) {
      for (let v = 0; v < 9; v++)
        assert.ok(treesMargin(constrained, [v + 1, other]) <= treesMargin(constrained, [v, other]) + 1e-12);
    }
  });

  it('grows each tree on a seeded draw of the cases when asked to, the same draw on every run', () => {
    const examples = Array.from({ length: 40 }, (_, i) => ({
      x: [i % 10, (i * 7) % 5],
      y: ((i % 10) + ((i * 7) % 5) >= 7 ? 1 : 0) as 0 | 1,
      weight: 1,
    }));
    const sampled = { ...parameters, subsample: 0.5 };
    assert.deepEqual(fitBoostedTrees(examples, sampled), fitBoostedTrees(examples, sampled));
    assert.notDeepEqual(fitBoostedTrees(examples, sampled), fitBoostedTrees(examples, parameters));
    assert.deepEqual(fitBoostedTrees(examples, { ...parameters, subsample: 1 }), fitBoostedTrees(examples, parameters));
  });

  it('declares a direction for every feature', () => {
    assert.deepEqual(Object.keys(FEATURE_DIRECTIONS).sort(), [...FEATURE_NAMES].sort());
  });
});

describe("grouped cross-validation and the scorer's figures", () => {
  const row = (dataset: string, group: string, y: 0 | 1): Labelled => ({ dataset, group, y });
  /** Dataset a: two supported cases and two not; dataset b: one of each. */
  const twoDatasets = () => [
    row('a', '1', 1),
    row('a', '2', 1),
    row('a', '3', 0),
    row('a', '4', 0),
    row('b', '5', 1),
    row('b', '6', 0),
  ];

  it('never scores a case with a model that saw a case of the same source document', () => {
    const rows = Array.from({ length: 60 }, (_, i) =>
      row(i % 2 ? 'a' : 'b', (i % 12).toString(16).padStart(16, '7'), (i % 3 ? 1 : 0) as 0 | 1),
    );
    const seen = crossValidate(rows, 5, (train) => {
      const groups = new Set(train.map((r) => r.group));
      return (r) => groups.has(r.group);
    });
    assert.equal(seen.length, 60);
    assert.ok(seen.every((sawOwnDocument) => sawOwnDocument === false));
  });

  it('averages balanced accuracy and ROC AUC over datasets, ties counting half', () => {
    const rows = twoDatasets();
    const scores = [0.9, 0.4, 0.4, 0.1, 0.7, 0.2];
    const result = figures(
      rows,
      scores,
      scores.map((s) => s >= 0.5),
    );
    assert.deepEqual(result.datasets.get('a'), { n: 4, balancedAccuracy: 75, auc: 87.5 });
    assert.deepEqual(result.datasets.get('b'), { n: 2, balancedAccuracy: 100, auc: 100 });
    assert.equal(result.balancedAccuracy, 87.5);
    assert.equal(result.auc, 93.75);
  });

  it('picks the threshold with the best mean balanced accuracy, the one nearest 0.5 among equals', () => {
    const rows = twoDatasets();
    // Dataset a is split cleanly by any threshold above 0.55 up to 0.62, b by any from 0.21 to 0.70.
    assert.equal(bestThreshold(rows, [0.9, 0.62, 0.55, 0.1, 0.7, 0.2]), 0.56);
  });

  it('weighs every dataset and label alike', () => {
    const rows = [row('a', '1', 1), row('a', '2', 1), row('a', '3', 0), row('b', '4', 0)];
    assert.deepEqual(balancedWeights(rows), [0.5, 0.5, 1, 1]);
  });

  it('gives a bootstrap interval around the figure, the same for the same seed', () => {
    const rows = Array.from({ length: 200 }, (_, i) => row(i < 100 ? 'a' : 'b', String(i >> 1), (i % 2) as 0 | 1));
    const scores = rows.map((r, i) => (r.y ? 0.6 : 0.4) + ((i * 37) % 11) / 20 - 0.25);
    const supported = scores.map((s) => s >= 0.5);
    const point = figures(rows, scores, supported).auc;
    const [low, high] = bootstrap(rows, scores, supported, 200).get('auc')!;
    assert.ok(low < point && point < high, `${low} < ${point} < ${high}`);
    assert.deepEqual(bootstrap(rows, scores, supported, 200).get('auc'), [low, high]);
  });
});

describe('alignment signals', () => {
  const library = new SourceLibrary();
  library.upsert('two.txt', 'Kirby spoke in Washington on Monday. Akar spoke in Ankara on Tuesday.');
  const document = library.get('two.txt')!;
  const signals = (claim: string) => {
    const { pairedInSentence, novelWeight } = alignmentSignals(document, tokenize(claim), (stem) =>
      library.rarity(stem),
    );
    return { pairedInSentence, novelWeight };
  };

  it("counts the claim's related words that no source sentence has together", () => {
    // kirby+spoke share the first sentence, spoke+ankara the second; kirby+ankara none.
    assert.deepEqual(signals('Kirby spoke in Ankara.'), { pairedInSentence: 2 / 3, novelWeight: 0 });
    assert.deepEqual(signals('Akar spoke in Ankara.'), { pairedInSentence: 1, novelWeight: 0 });
  });

  it('weighs the words the source never uses by their rarity', () => {
    const stems = tokenize('Kirby spoke in Paris.')
      .map((t) => t.stem)
      .filter((s) => s !== 'in');
    const total = stems.reduce((sum, stem) => sum + library.rarity(stem), 0);
    assert.deepEqual(signals('Kirby spoke in Paris.'), {
      pairedInSentence: 1,
      novelWeight: library.rarity(stems[2]) / total,
    });
  });
});

describe('word overlap', () => {
  const source = sourceWords(
    tokenize("The 21-year-old didn't attend (he was ill). The foreign secretary backed farming subsidies on Monday."),
  );
  const overlap = (claim: string) => wordOverlap(source, tokenize(claim));

  it('counts the same words however the claim was tokenised', () => {
    const plain = overlap("The 21-year-old didn't attend (he was ill).");
    assert.deepEqual(overlap("the 21 - year - old did n't attend -lrb- he was ill -rrb- ."), plain);
    assert.deepEqual(plain, { unigram: 1, bigram: 1, trigram: 1, novel: 0, novelUncommon: 0, substitutions: 0 });
  });

  it('finds a word put between two neighbours that have another word between them in the source', () => {
    assert.equal(overlap('The foreign secretary backed farming subsidies.').substitutions, 0);
    assert.equal(overlap('The home secretary backed farming subsidies.').substitutions, 1);
    // A word sharing a sense with the source's is no edit.
    assert.equal(overlap('The foreign secretary backed agriculture subsidies.').substitutions, 0);
  });
});
