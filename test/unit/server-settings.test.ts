// Settings and .groundwork.json: what the server runs with, and what the "ignore" quick fix writes.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addIgnoredFinding, readProjectFile } from '../../src/server/projectFile.js';
import { applyProjectConfig, DEFAULT_SETTINGS, parseProjectConfig, readSettings } from '../../src/server/settings.js';
import { sourceMatcher } from '../../src/server/sourceIndex.js';

describe('server: settings', () => {
  it('falls back to the default field by field when a setting is malformed', () => {
    const settings = readSettings({
      sources: 'seeds',
      debounceMs: 150,
      typingHoldMs: -1,
      checkFrequency: 'often',
      severity: { number: 'error', date: 'loud' },
    });
    assert.deepEqual(settings, {
      ...DEFAULT_SETTINGS,
      debounceMs: 150,
      severity: { ...DEFAULT_SETTINGS.severity, number: 'error' },
    });
    assert.deepEqual(readSettings(undefined), DEFAULT_SETTINGS);
  });

  it("lets the project's .groundwork.json override the personal settings", () => {
    const project = parseProjectConfig(
      '{"sources": ["archive/**/*.md"], "severity": {"unsupported": "off"}, "ignore": ["0123456789abcdef", {"fingerprint": "fedcba9876543210", "note": "agreed"}, 3]}',
    );
    assert.deepEqual(project.ignore, [
      { fingerprint: '0123456789abcdef' },
      { fingerprint: 'fedcba9876543210', note: 'agreed' },
    ]);
    const merged = applyProjectConfig(readSettings({ sources: ['seeds'], severity: { number: 'error' } }), project);
    assert.deepEqual(merged.sources, ['archive/**/*.md']);
    assert.equal(merged.severity.unsupported, 'off');
    assert.equal(merged.severity.number, 'error');
    assert.throws(() => parseProjectConfig('[1]'), /must hold a JSON object/);
  });
});

describe('server: .groundwork.json', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'groundwork-project-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('adds an ignored finding once, keeping the rest of the file', () => {
    writeFileSync(join(folder, '.groundwork.json'), '{"sources": ["seeds"], "ignore": ["0123456789abcdef"]}');
    addIgnoredFinding(folder, {
      fingerprint: 'fedcba9876543210',
      note: 'Wrong date: “Friday” — the source says “Monday”',
    });
    addIgnoredFinding(folder, { fingerprint: 'fedcba9876543210' });
    assert.deepEqual(JSON.parse(readFileSync(join(folder, '.groundwork.json'), 'utf8')), {
      sources: ['seeds'],
      ignore: [
        '0123456789abcdef',
        { fingerprint: 'fedcba9876543210', note: 'Wrong date: “Friday” — the source says “Monday”' },
      ],
    });
  });

  it('reports a broken file by name instead of failing', () => {
    assert.deepEqual(readProjectFile(folder), {});
    writeFileSync(join(folder, '.groundwork.json'), '{"sources": [');
    assert.match(readProjectFile(folder).error ?? '', /\.groundwork\.json: .*JSON/);
  });
});

describe('server: source matcher', () => {
  it('knows which files the watcher reports are sources', () => {
    const isSource = sourceMatcher(['/work/news/seeds', '/work/news/archive/**/*.md']);
    assert.equal(isSource('/work/news/seeds/000_f04d67d5c7de7c34.txt'), true);
    assert.equal(isSource('/work/news/seeds/2021/june.md'), true);
    assert.equal(isSource('/work/news/seeds/.hidden.txt'), false);
    assert.equal(isSource('/work/news/seeds/image.png'), false);
    assert.equal(isSource('/work/news/seeds-old/a.txt'), false);
    assert.equal(isSource('/work/news/archive/2020/a.md'), true);
    assert.equal(isSource('/work/news/archive/2020/a.txt'), false);
    assert.equal(isSource('/work/news/drafts/kabul-airport.md'), false);
  });
});
