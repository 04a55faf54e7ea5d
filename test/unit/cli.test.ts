import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI (`npm test` builds first), as `groundwork ARGS`, in the repository. */
function groundwork(...args: string[]) {
  const result = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SEED = 'seeds/000_f04d67d5c7de7c34.txt';

describe('groundwork check', function () {
  this.timeout(60_000);

  it('prints compiler-style lines for the sample draft and exits 1', () => {
    const { code, stdout } = groundwork('check', '--sources', 'seeds', 'examples/draft.md');
    assert.equal(code, 1);
    assert.deepEqual(stdout.trimEnd().split('\n'), [
      'examples/draft.md:5:1: contradicted: negation — the source says the opposite: “he could not confirm the requests” (000_f04d67d5c7de7c34.txt:7)',
      'examples/draft.md:5:90: contradicted: number 250 — the source says 150 (000_f04d67d5c7de7c34.txt:29)',
      'examples/draft.md:9:2: contradicted: misquote — source: ‘be important’; draft: ‘be crucial’; attribution — the source has Kirby saying this, not Jake Sullivan (000_f04d67d5c7de7c34.txt:11)',
      'examples/draft.md:11:1: contradicted: date Tuesday — the source says Monday (000_f04d67d5c7de7c34.txt:5)',
      'examples/draft.md:13:1: contradicted: name Geneva — the source says Brussels (000_f04d67d5c7de7c34.txt:31)',
      'examples/draft.md:13:70: unsupported: no source says this',
      '5 contradicted, 1 unsupported, 3 supported in 1 draft',
    ]);
  });

  it('writes the findings report as JSON', () => {
    const { code, stdout } = groundwork('check', '--format', 'json', 'examples/draft.md');
    assert.equal(code, 1);
    const report = JSON.parse(stdout);
    assert.equal(report.version, 1);
    assert.equal(report.files[0].path, 'examples/draft.md');
    const number = report.files[0].findings.find(
      (f: { problems: { type: string }[] }) => f.problems[0]?.type === 'number',
    );
    assert.deepEqual(number.range, { start: { line: 4, character: 89 }, end: { line: 4, character: 247 } });
    assert.deepEqual(number.problems, [{ type: 'number', draft: '250', source: '150' }]);
    assert.equal(number.evidence[0].source, SEED);
    assert.match(number.evidence[0].text, /^Some 150 members of the Afghan security forces/);
    assert.ok(number.score >= 0 && number.score <= 1);
  });

  it('writes SARIF 2.1.0 with one result per flagged finding and the source passage as a related location', () => {
    const { stdout } = groundwork('check', '--format', 'sarif', 'examples/draft.md');
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.equal(run.tool.driver.name, 'Groundwork');
    assert.equal(run.results.length, 6);
    const number = run.results.find((r: { ruleId: string }) => r.ruleId === 'number');
    assert.equal(number.level, 'error');
    assert.deepEqual(number.locations[0].physicalLocation, {
      artifactLocation: { uri: 'examples/draft.md' },
      region: { startLine: 5, startColumn: 90, endLine: 5, endColumn: 248 },
    });
    assert.equal(number.relatedLocations[0].physicalLocation.artifactLocation.uri, SEED);
    assert.equal(number.relatedLocations[0].physicalLocation.region.startLine, 29);
    assert.equal(run.tool.driver.rules[number.ruleIndex].id, 'number');
  });

  it('exits 0 when nothing is flagged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    writeFileSync(
      join(dir, 'ok.md'),
      'Turkish officials expressed their openness in principle to the idea at a NATO summit in Brussels last month.\n',
    );
    const { code, stdout } = groundwork('check', join(dir, 'ok.md'));
    assert.equal(code, 0);
    assert.equal(stdout, '0 contradicted, 0 unsupported, 1 supported in 1 draft\n');
  });

  it('skips unusable source files with a warning naming each, and checks against the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    mkdirSync(join(dir, 'sources'));
    copyFileSync(SEED, join(dir, 'sources', 'seed.txt'));
    writeFileSync(join(dir, 'sources', 'binary.txt'), Buffer.from([0x47, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'sources', 'latin1.txt'), Buffer.from('Caf\xe9 society', 'latin1'));
    const { code, stdout, stderr } = groundwork('check', '--sources', join(dir, 'sources'), 'examples/draft.md');
    assert.equal(code, 1);
    assert.match(stderr, /binary\.txt: /);
    assert.match(stderr, /latin1\.txt: /);
    assert.match(stdout, /number 250 — the source says 150 \(seed\.txt:29\)/);
  });

  it('keeps the index in a cache folder, and rebuilds it with a warning when the file is damaged', () => {
    const cache = mkdtempSync(join(tmpdir(), 'gw-cache-'));
    const first = groundwork('check', '--cache-dir', cache, 'examples/draft.md');
    const [file] = readdirSync(cache).filter((name) => name.endsWith('.gwcache'));
    assert.ok(file, 'a cache file was written');
    writeFileSync(join(cache, file), 'not a Groundwork index');
    const second = groundwork('check', '--cache-dir', cache, 'examples/draft.md');
    assert.match(second.stderr, /the index was rebuilt/);
    assert.equal(second.stdout, first.stdout);
    const third = groundwork('check', '--cache-dir', cache, 'examples/draft.md');
    assert.equal(third.stderr, '');
    assert.equal(third.stdout, first.stdout);
  });

  it('writes no cache with --no-cache', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'gw-'));
    const result = spawnSync(
      process.execPath,
      [
        join(process.cwd(), 'dist/cli.cjs'),
        'check',
        '--no-cache',
        '--sources',
        join(process.cwd(), 'seeds'),
        join(process.cwd(), 'examples/draft.md'),
      ],
      { cwd, encoding: 'utf8' },
    );
    assert.equal(result.status, 1);
    assert.deepEqual(readdirSync(cwd), []);
  });

  it('exits 2 with a message on bad usage or when no source is usable', () => {
    const missing = groundwork('check', '--sources', 'no-such-folder', 'examples/draft.md');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no-such-folder/);
    assert.match(missing.stderr, /no usable source documents/);
    const format = groundwork('check', '--format', 'xml', 'examples/draft.md');
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format 'xml'/);
    assert.equal(groundwork('check').code, 2);
    const draft = groundwork('check', 'no-such-draft.md');
    assert.equal(draft.code, 2);
    assert.match(draft.stderr, /no-such-draft\.md: cannot read the draft \(no such file or folder\)/);
  });
});

describe('groundwork eval', function () {
  this.timeout(60_000);

  it('writes one prediction per case with a verdict and a support score', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gw-'));
    const source = readFileSync(SEED, 'utf8');
    const cases = [
      {
        id: 'true',
        source,
        claim: 'Some 150 members of the Afghan security forces were killed or wounded in attacks.',
      },
      {
        id: 'false',
        source,
        claim: 'Some 450 members of the Afghan security forces were killed or wounded in attacks.',
      },
    ];
    writeFileSync(join(dir, 'cases.jsonl'), cases.map((c) => JSON.stringify(c)).join('\n') + '\nnot json\n');
    const out = join(dir, 'predictions.jsonl');
    const { code, stderr } = groundwork('eval', join(dir, 'cases.jsonl'), '--out', out, '--jobs', '1');
    assert.equal(code, 0);
    assert.match(stderr, /cases\.jsonl:3: not JSON; skipped/);
    const predictions = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    assert.deepEqual(
      predictions.map((p) => [p.id, p.verdict]),
      [
        ['true', 'supported'],
        ['false', 'contradicted'],
      ],
    );
    assert.ok(predictions[0].score > predictions[1].score);
  });
});

describe('groundwork --version', () => {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

  it('prints the package version, which SARIF reports also carry', () => {
    assert.match(version, /^\d+\.\d+\.\d+/);
    assert.deepEqual(groundwork('--version'), { code: 0, stdout: `${version}\n`, stderr: '' });
    const sarif = JSON.parse(groundwork('check', '--format', 'sarif', 'examples/draft.md').stdout);
    assert.equal(sarif.runs[0].tool.driver.version, version);
  });
});
