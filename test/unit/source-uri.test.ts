// A team corpus document's `groundwork-team:` URI names its stored path whatever characters that holds, and only a
// URI of that scheme names one.
import assert from 'node:assert/strict';
import { sourceUri, teamSourcePath } from '../../src/server/sourceUri.js';

describe('team corpus source URIs', () => {
  it('round-trip stored paths with spaces, #, ?, % and non-ASCII letters', () => {
    for (const path of [
      'team:seeds/a.txt',
      'team:wire 2024/#1?x=%41.txt',
      'team:../déjà vu/引用.md',
      'team:/abs/x.txt',
    ]) {
      const uri = sourceUri(path);
      assert.match(uri, /^groundwork-team:[^#?]*$/, uri);
      assert.equal(teamSourcePath(uri), path);
    }
    assert.equal(sourceUri('team:seeds/a b.txt'), 'groundwork-team:seeds/a%20b.txt');
  });

  it('leaves local sources as file URIs, and reads no other scheme as a team document', () => {
    assert.equal(sourceUri('/work/seeds/a.txt'), 'file:///work/seeds/a.txt');
    assert.equal(teamSourcePath('file:///work/seeds/a.txt'), undefined);
    assert.equal(teamSourcePath('groundwork-team:bad%E0%A4'), undefined);
  });
});
