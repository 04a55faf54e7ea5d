// Browser test of the HTML report: `groundwork check --format html` on the sample draft, opened in headless
// Chromium as a reader would. Checks the counts, rows, marked words and section bars from the DOM, uses the
// order, the filters and the search, and saves test-output/report.png (and report.pdf, printed). Exit code 0 when every check passes.
//   node test/e2e/report.mjs   (after node scripts/build.mjs)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser, ROOT } from '../integration/host.mjs';

const outputDir = path.join(ROOT, 'test-output');
fs.mkdirSync(outputDir, { recursive: true });
const reportFile = path.join(outputDir, 'report.html');
const check = spawnSync(
  process.execPath,
  [
    path.join(ROOT, 'dist', 'cli.cjs'),
    'check',
    '--no-cache',
    '--sources',
    'seeds',
    '--format',
    'html',
    'examples/draft.md',
  ],
  { cwd: ROOT, encoding: 'utf8' },
);
assert.equal(check.status, 1, `groundwork check exits 1 (something flagged): ${check.stderr}`);
fs.writeFileSync(reportFile, check.stdout);

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'groundwork-report-'));
const browser = await launchBrowser(path.join(profile, 'chromium'));
let failed = false;
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto(pathToFileURL(reportFile).href);

  const counts = await page.$$eval('.summary .count', (items) => items.map((item) => item.textContent));
  assert.deepEqual(counts, ['5 contradicted', '1 unsupported', '3 supported', '0 not checked']);
  const rows = () =>
    page.$$eval('.row', (items) =>
      items.map(
        (item) =>
          `${item.dataset.verdict} ${item.dataset.codes}| ${item.querySelector('.draft-side').textContent.slice(0, 40)}`,
      ),
    );
  assert.deepEqual(
    await rows(),
    [
      'contradicted negation| Pentagon spokesman John Kirby told repor',
      'contradicted number| Some 250 members of the Afghan security ',
      'contradicted misquote attribution| Airport security in any form will be cru',
      'contradicted date| Defense Minister Hulusi Akar said on Tue',
      'contradicted entity| Biden is expected to meet with Erdogan a',
      'unsupported unsupported| Turkey has already sent 500 troops to th',
      'supported | Turkey offers to run Kabul airport secur',
      'supported | The Biden administration continues to di',
      'supported | Obviously this is a national decision th',
    ],
    'problems first, each group in draft order',
  );
  await page.locator('select[name=order]').selectOption('draft');
  assert.deepEqual(
    await rows(),
    [
      'supported | Turkey offers to run Kabul airport secur',
      'supported | The Biden administration continues to di',
      'contradicted negation| Pentagon spokesman John Kirby told repor',
      'contradicted number| Some 250 members of the Afghan security ',
      'supported | Obviously this is a national decision th',
      'contradicted misquote attribution| Airport security in any form will be cru',
      'contradicted date| Defense Minister Hulusi Akar said on Tue',
      'contradicted entity| Biden is expected to meet with Erdogan a',
      'unsupported unsupported| Turkey has already sent 500 troops to th',
    ],
    'as in the draft',
  );
  const marks = (selector) =>
    page.$$eval(selector, (items) =>
      items.map((item) => [...item.querySelectorAll('mark')].map((mark) => mark.textContent).join('|')),
    );
  assert.deepEqual(await marks('.row.contradicted .draft-side'), ['confirm', '250', 'crucial', 'Tuesday', 'Geneva']);
  assert.deepEqual(await marks('.row.contradicted .source-side'), [
    'not',
    '150',
    'important|Kirby',
    'Monday',
    'Brussels',
  ]);
  const number = page.locator('.row[data-codes="number"]');
  assert.equal(await number.locator('.problems').textContent(), 'number 250 — the source says 150');
  assert.match(await number.locator('.source-label').textContent(), /^000_f04d67d5c7de7c34\.txt, 2021-06-11, line 29$/);
  assert.equal(
    await page.locator('.row.unsupported .source-side mark').count(),
    0,
    'an unsupported sentence has nothing marked in its nearest passage',
  );

  const sections = await page.$$eval('.section', (items) =>
    items.map((item) => ({
      title: item.querySelector('.section-title').textContent,
      figure: item.querySelector('.section-figure').textContent,
      bar: [...item.querySelectorAll('rect')].map(
        (rect) => `${rect.getAttribute('class')} ${rect.getAttribute('width')}`,
      ),
      width: Math.round(item.querySelector('rect.supported').getBoundingClientRect().width),
    })),
  );
  assert.deepEqual(sections, [
    {
      title: 'Turkey offers to run Kabul airport security',
      figure: '3/9 supported',
      bar: ['supported 33.33%', 'contradicted 55.56%', 'unsupported 11.11%'],
      width: 47, // 33.33% of the 140-pixel bar: the bar is drawn, not just written
    },
  ]);
  assert.deepEqual(await page.$$eval('.sources .used li', (items) => items.map((item) => item.textContent)), [
    'seeds/000_f04d67d5c7de7c34.txt 2021-06-11 8 sentences',
  ]);

  const visibleRows = () =>
    page.$$eval('.row', (items) => items.filter((item) => item.offsetParent !== null).map((item) => item.id));
  await page.getByLabel('supported', { exact: true }).uncheck();
  assert.deepEqual(await visibleRows(), ['row-2', 'row-3', 'row-5', 'row-6', 'row-7', 'row-8']);
  assert.equal(await page.locator('.shown').textContent(), '6 of 9 shown');
  await page.locator('select[name=code]').selectOption('date');
  assert.deepEqual(await visibleRows(), ['row-6']);
  await page.locator('select[name=code]').selectOption('');
  await page.locator('input[name=search]').fill('brussels');
  assert.deepEqual(await visibleRows(), ['row-7'], 'the search looks in the source passages too');
  await page.locator('input[name=search]').fill('');
  await page.locator('select[name=order]').selectOption('problems');
  // The sample draft rests on one article: no other passage comes near enough to be offered as the next best.
  assert.equal(await page.locator('.row .others').count(), 0);
  assert.deepEqual(problems, [], 'no error, no blocked resource, no request beyond the file itself');

  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky toolbar would otherwise show mid-page in a full-page picture
  await page.screenshot({ path: path.join(outputDir, 'report.png'), fullPage: true });
  await page.pdf({ path: path.join(outputDir, 'report.pdf'), format: 'A4', printBackground: true });
  console.log(`report: ${reportFile}; screenshot: test-output/report.png; printed: test-output/report.pdf`);
} catch (error) {
  failed = true;
  console.error('REPORT E2E FAILED:', error);
  await browser
    .pages()[0]
    ?.screenshot({ path: path.join(outputDir, 'report-failure.png'), fullPage: true })
    .catch(() => {});
} finally {
  await browser.close().catch(() => {});
  fs.rmSync(profile, { recursive: true, force: true });
  console.log(`e2e report: ${failed ? 0 : 1} passed, ${failed ? 1 : 0} failed`);
}
process.exit(failed ? 1 : 0);
