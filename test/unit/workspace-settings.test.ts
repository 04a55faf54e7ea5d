// Which folder's settings a draft gets in a multi-root workspace, and what the one source index is built with.
import assert from 'node:assert/strict';
import { parseProjectConfig, readSettings } from '../../src/server/settings.js';
import { folderSettings, WorkspaceSettings } from '../../src/server/workspaceSettings.js';

describe('server: settings per workspace folder', () => {
  const news = folderSettings('/work/news', readSettings({ severity: { number: 'error' } }), undefined);
  const nested = folderSettings(
    '/work/news/archive',
    readSettings({}),
    parseProjectConfig('{"sources": ["old", "/shared/wires"], "maxFileSizeKb": 4096, "ignore": ["0123456789abcdef"]}'),
  );
  const outside = readSettings({ checkFrequency: 'save' });
  const workspace = new WorkspaceSettings([news, nested], outside);

  it('gives a draft the settings of the innermost folder that holds it, and a draft in no folder the others', () => {
    assert.equal(workspace.folderOf('/work/news/drafts/a.md')?.folder, '/work/news');
    assert.equal(workspace.folderOf('/work/news/archive/drafts/a.md')?.folder, '/work/news/archive');
    assert.equal(workspace.folderOf('/work/newsroom/a.md'), undefined);
    assert.equal(workspace.folderOf(undefined), undefined);
    assert.equal(workspace.settingsFor('/work/news/drafts/a.md').severity.number, 'error');
    assert.equal(workspace.settingsFor('/work/news/archive/drafts/a.md').severity.number, 'warning');
    assert.equal(workspace.settingsFor('/elsewhere/a.md').checkFrequency, 'save');
  });

  it("keeps each folder's ignored findings to its own drafts", () => {
    assert.deepEqual([...workspace.ignoredFor('/work/news/archive/a.md')], ['0123456789abcdef']);
    assert.deepEqual([...workspace.ignoredFor('/work/news/a.md')], []);
    assert.deepEqual([...workspace.ignoredFor(undefined)], []);
  });

  it('sizes the shared index for the most generous folder', () => {
    assert.equal(workspace.maxSourceFileSizeKb(), 4096);
    assert.equal(new WorkspaceSettings([], readSettings({ maxFileSizeKb: 64 })).maxSourceFileSizeKb(), 64);
  });
});
