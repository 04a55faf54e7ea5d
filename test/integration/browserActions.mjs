// What an extension-host test cannot do from inside the editor: act in the browser as a person would. A test
// logs `groundwork-browser {"action": ...}`; the harness performs it on the workbench page:
//   {"action":"click","selector":".row","hasText":"Some 250"}  clicks the first match in any frame (webviews included)
//   {"action":"fill","selector":".quick-input-box input","text":"…","press":"Enter"}  types into the first match
//       (an input box, which the extension API cannot fill), then presses the key when one is named
//   {"action":"screenshot","name":"report-webview","show":".summary"}
//       saves test-output/NAME.png (written whole, then renamed), after scrolling `show` (optional) into view
import fs from 'node:fs';
import path from 'node:path';

const PREFIX = 'groundwork-browser ';

async function find(page, { selector, hasText }) {
  for (let attempt = 0; attempt < 100; attempt++) {
    for (const frame of page.frames()) {
      const target = frame.locator(selector, hasText ? { hasText } : {}).first();
      if ((await target.count().catch(() => 0)) > 0) return target;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing matches ${selector}${hasText ? ` with "${hasText}"` : ''} in any frame`);
}

/**
 * Scrolls the first match into view. A webview that renders again between finding and scrolling (the report page
 * when a re-check lands) detaches the element found: it is looked up again, a few times.
 */
async function scrollIntoView(page, selector) {
  for (let attempt = 1; ; attempt++) {
    try {
      await (await find(page, { selector })).scrollIntoViewIfNeeded({ timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Performs the action a log line asks for; false when the line is no such request. */
export function handleBrowserAction(page, line, outputDir) {
  if (!line.startsWith(PREFIX)) return false;
  const request = JSON.parse(line.slice(PREFIX.length));
  const done =
    request.action === 'click'
      ? find(page, request).then((target) => target.click())
      : request.action === 'fill'
        ? find(page, request).then(async (target) => {
            await target.fill(request.text);
            if (request.press) await target.press(request.press);
          })
        : (async () => {
            if (request.show) await scrollIntoView(page, request.show);
            fs.mkdirSync(outputDir, { recursive: true });
            const file = path.join(outputDir, `${request.name}.png`);
            await page.screenshot({ path: `${file}.part.png` });
            fs.renameSync(`${file}.part.png`, file);
          })();
  done.catch((error) => console.error(`[browser action failed] ${line}: ${error.message}`));
  return true;
}
