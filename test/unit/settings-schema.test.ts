// The settings' one definition: what editors read (package.json, the .groundwork.json schema) is generated from it,
// and the server accepts exactly what those files let a user write.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles } from '../../scripts/build-settings.js';
import { applyProjectConfig, parseProjectConfig } from '../../src/server/settings.js';
import { DEFAULT_SETTINGS, readSettings } from '../../src/shared/settings-schema.js';

const root = join(import.meta.dirname, '..', '..');
const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8'));

describe('settings: one definition', () => {
  for (const { path, text } of generatedFiles(root)) {
    it(`${path} is what scripts/build-settings.ts generates (run \`npm run build\` after changing the settings)`, () => {
      assert.equal(
        readFileSync(join(root, path), 'utf8'),
        text,
        `${path} was edited by hand or is stale: edit src/shared/settings-schema.ts and run \`npm run build\``,
      );
    });
  }

  it('rejects a maxFileSizeKb of 0 as both schemas do, in the settings and in .groundwork.json', () => {
    assert.equal(readJson('package.json').contributes.configuration.properties['groundwork.maxFileSizeKb'].minimum, 1);
    assert.equal(readJson('schemas/groundwork.schema.json').properties.maxFileSizeKb.minimum, 1);
    assert.equal(readSettings({ maxFileSizeKb: 0 }).maxFileSizeKb, 2048);
    assert.equal(readSettings({ maxFileSizeKb: 1 }).maxFileSizeKb, 1);
    assert.equal(parseProjectConfig('{"maxFileSizeKb": 0}').maxFileSizeKb, undefined);
    assert.equal(parseProjectConfig('{"maxFileSizeKb": 64}').maxFileSizeKb, 64);
  });

  it('rejects the values the editor would mark invalid: empty source paths, unknown languages', () => {
    assert.deepEqual(readSettings({ sources: ['seeds', ''] }).sources, ['seeds']);
    assert.deepEqual(readSettings({ sources: [] }).sources, ['seeds']);
    assert.deepEqual(readSettings({ languages: ['markdown', 'latex'] }).languages, ['markdown', 'plaintext']);
    assert.deepEqual(readSettings({ languages: [] }).languages, []);
    assert.equal(parseProjectConfig('{"sources": [""]}').sources, undefined);
  });

  it('gives the Settings editor the defaults the server runs with', () => {
    const properties = readJson('package.json').contributes.configuration.properties;
    for (const [name, value] of Object.entries(DEFAULT_SETTINGS))
      assert.deepEqual(properties[`groundwork.${name}`].default, value, name);
    assert.deepEqual(Object.keys(properties), [
      ...Object.keys(DEFAULT_SETTINGS).map((name) => `groundwork.${name}`),
      'groundwork.trace.server',
    ]);
  });

  it('reads a team corpus from the settings and from .groundwork.json, which wins, and restricts it in untrusted workspaces', () => {
    const url = 'postgresql://reader@db.newsroom.example/news';
    assert.equal(readSettings({}).corpus, '');
    assert.equal(readSettings({ corpus: ` ${url} ` }).corpus, url);
    assert.equal(readSettings({ corpus: 42 }).corpus, '');
    const project = parseProjectConfig(JSON.stringify({ corpus: url }));
    assert.equal(project.corpus, url);
    assert.equal(applyProjectConfig(readSettings({ corpus: 'postgresql://me@localhost/mine' }), project).corpus, url);
    assert.equal(readJson('schemas/groundwork.schema.json').properties.corpus.type, 'string');
    assert.deepEqual(readJson('package.json').capabilities.untrustedWorkspaces.restrictedConfigurations, [
      'groundwork.sources',
      'groundwork.corpus',
    ]);
  });
});
