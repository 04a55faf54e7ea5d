// Live checking's timing rules: debounce and cancellation of overtaken runs, and holding back new underlines on
// the sentence being typed.
import assert from 'node:assert/strict';
import { CheckScheduler, type CheckRun } from '../../src/server/scheduler.js';
import { TypingHold } from '../../src/server/typingHold.js';

describe('server: typing hold', () => {
  const sentence = { start: 385, end: 543 };
  const other = { start: 545, end: 646 };
  let now = 0;
  const hold = () =>
    new TypingHold(
      () => 1500,
      () => now,
    );

  it('holds a new underline on the sentence being typed until the pause, then shows it', () => {
    const typing = hold();
    now = 10_000;
    typing.noteEdit('draft', 392);
    now = 10_300;
    const first = typing.apply('draft', [
      { key: 'number:a', span: sentence, item: 'number' },
      { key: 'date:b', span: other, item: 'date' },
    ]);
    assert.deepEqual(first, { visible: ['date'], releaseInMs: 1200 });
    now = 11_500;
    assert.deepEqual(
      typing.apply('draft', [
        { key: 'number:a', span: sentence, item: 'number' },
        { key: 'date:b', span: other, item: 'date' },
      ]),
      { visible: ['number', 'date'], releaseInMs: undefined },
    );
  });

  it('keeps an underline that was already shown while the writer types in its sentence', () => {
    const typing = hold();
    now = 20_000;
    assert.deepEqual(typing.apply('draft', [{ key: 'number:a', span: sentence, item: 'number' }]).visible, ['number']);
    typing.noteEdit('draft', 400);
    assert.deepEqual(typing.apply('draft', [{ key: 'number:a', span: sentence, item: 'number' }]).visible, ['number']);
  });
});

const unexpected = (uri: string, error: unknown) => assert.fail(`the check of ${uri} threw: ${String(error)}`);

describe('server: check scheduler', () => {
  it('runs once after a burst of edits', async () => {
    const runs: string[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    const scheduler = new CheckScheduler(
      async (uri) => {
        runs.push(uri);
        finished();
      },
      () => 20,
      unexpected,
    );
    for (let i = 0; i < 5; i++) scheduler.schedule('draft');
    await done;
    assert.deepEqual(runs, ['draft']);
    scheduler.dispose();
  });

  it('cancels a run that a newer edit overtakes', async () => {
    const tokens: CheckRun[] = [];
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    let second!: () => void;
    const secondStarted = new Promise<void>((resolve) => (second = resolve));
    const scheduler = new CheckScheduler(
      async (_uri, token) => {
        tokens.push(token);
        if (tokens.length === 1) await blocked;
        else second();
      },
      () => 0,
      unexpected,
    );
    scheduler.schedule('draft');
    while (tokens.length === 0) await new Promise((resolve) => setImmediate(resolve));
    scheduler.schedule('draft');
    assert.equal(tokens[0].cancelled, true);
    release();
    await secondStarted;
    assert.equal(tokens[1].cancelled, false);
    scheduler.dispose();
  });

  it('reports a run that throws with its draft, and runs the next check of that draft', async () => {
    const failures: string[] = [];
    const runs: string[] = [];
    let ranAgain!: () => void;
    const secondRun = new Promise<void>((resolve) => (ranAgain = resolve));
    const scheduler = new CheckScheduler(
      async (uri) => {
        runs.push(uri);
        if (runs.length === 1) throw new Error('checker broke');
        ranAgain();
      },
      () => 0,
      (uri, error) => failures.push(`${uri}: ${(error as Error).message}`),
    );
    scheduler.schedule('file:///draft.md');
    while (failures.length === 0) await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(failures, ['file:///draft.md: checker broke']);
    scheduler.schedule('file:///draft.md');
    await secondRun;
    assert.deepEqual(runs, ['file:///draft.md', 'file:///draft.md']);
    scheduler.dispose();
  });
});
