// Browser end-to-end test: code-server shows the fixture draft, Groundwork underlines the planted errors, and
// hovering the misquote shows the source's wording. Saves test-output/hover.png (whole window) and
// test-output/hover-crop.png (the hover). Exit code 0 when every check passes.
//   node test/e2e/hover.mjs [--vsix groundwork.vsix]   (default: the repository as the extension in development)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  copyFixtureWorkspace,
  installExtension,
  launchBrowser,
  remoteUri,
  ROOT,
  startCodeServer,
  workbenchUrl,
} from '../integration/host.mjs';

const vsixIndex = process.argv.indexOf('--vsix');
const vsix = vsixIndex > 0 ? path.resolve(process.argv[vsixIndex + 1]) : undefined;
const outputDir = path.join(ROOT, 'test-output');
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

fs.mkdirSync(outputDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-e2e-'));
const workspace = copyFixtureWorkspace(path.join(dataDir, 'workspace'));
const draft = path.join(workspace, 'drafts', 'kabul-airport.md');
if (vsix) installExtension(dataDir, vsix);
const server = await startCodeServer({
  dataDir,
  settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.fontSize': 15 },
});
const browser = await launchBrowser(path.join(dataDir, 'chromium'));
let failed = false;
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on('pageerror', (error) => console.error('[page error]', error.message));
  const payload = [['openFile', remoteUri(server.port, draft)]];
  if (!vsix) payload.push(['extensionDevelopmentPath', remoteUri(server.port, ROOT)]);
  const navigated = Date.now();
  await page.goto(workbenchUrl(server, workspace, payload));
  const quoteLine = page.locator('.monaco-editor .view-line', { hasText: 'needs to make' }).first();
  await quoteLine.waitFor({ state: 'visible', timeout: 90000 });
  const editorShown = Date.now();
  // One squiggle per planted error: negation, misquote, number, date, name.
  await page.waitForFunction(
    () => document.querySelectorAll('.monaco-editor .squiggly-warning').length >= 5,
    undefined,
    { timeout: 60000 },
  );
  console.log(
    `editor shown ${editorShown - navigated} ms after loading the page; underlines ${Date.now() - editorShown} ms later`,
  );

  const word = await page.evaluate(() => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // Monaco renders spaces as no-break spaces.
        const at = node.textContent.replace(/\u00a0/g, ' ').indexOf('to make');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 3);
        range.setEnd(node, at + 7);
        const box = range.getBoundingClientRect();
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      }
    }
    return null;
  });
  assert.ok(word, '"to make" is not on screen');
  const hover = page.locator('.monaco-hover', { hasText: 'Groundwork' }).first();
  let shown = false;
  for (let attempt = 0; attempt < 5 && !shown; attempt++) {
    await page.mouse.move(word.x - 20, word.y + 40);
    await page.mouse.move(word.x, word.y, { steps: 4 });
    shown = await hover.waitFor({ state: 'visible', timeout: 5000 }).then(
      () => true,
      () => false,
    );
  }
  assert.ok(shown, 'the hover did not appear');
  // Let the hover finish fading in and growing to its full content: its box must hold still for a few frames.
  await hover.getByText('Open source').first().waitFor({ state: 'visible', timeout: 10000 });
  let previous = '';
  for (let still = 0; still < 3;) {
    const current = JSON.stringify(await hover.boundingBox());
    still = current === previous ? still + 1 : 0;
    previous = current;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  const text = await hover.innerText();
  const html = await hover.innerHTML();
  console.log(`hover text:\n${text}`);
  assert.ok(
    text.includes('Misquote: “to make” — the source says “to take”'),
    'the hover names the misquote and the source wording',
  );
  assert.ok(text.includes('✗ Contradicted'), 'the hover gives the verdict');
  assert.ok(
    text.includes('Obviously this is a national decision that President Erdogan needs to take'),
    'the hover shows the source passage',
  );
  assert.ok(html.includes('<strong>take</strong>'), 'the differing source word is marked');
  assert.ok(
    text.includes('000_f04d67d5c7de7c34.txt, 2021-06-11, line'),
    'the hover names the source file, its date and line',
  );
  assert.ok(text.includes('Open source'), 'the hover links to the source');

  const shot = path.join(outputDir, 'hover.png');
  await page.screenshot({ path: shot });
  const box = await hover.boundingBox();
  if (box) {
    await page.screenshot({
      path: path.join(outputDir, 'hover-crop.png'),
      clip: {
        x: Math.max(0, box.x - 40),
        y: Math.max(0, box.y - 10),
        width: Math.min(1280 - Math.max(0, box.x - 40), box.width + 80),
        height: Math.min(800 - Math.max(0, box.y - 10), box.height + 60),
      },
    });
  }
  console.log(`screenshots: ${shot}, test-output/hover-crop.png`);
} catch (error) {
  failed = true;
  console.error('E2E FAILED:', error);
  await browser
    .pages()[0]
    ?.screenshot({ path: path.join(outputDir, 'hover-failure.png') })
    .catch(() => {});
} finally {
  await browser.close().catch(() => {});
  server.stop();
  console.log(`e2e hover test ${failed ? 'failed' : 'passed'} in ${elapsed()}`);
  console.log(`e2e: ${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`);
  if (!failed && !process.env.GROUNDWORK_KEEP_TEST_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
  else console.log(`test data kept in ${dataDir}`);
}
process.exit(failed ? 1 : 0);
