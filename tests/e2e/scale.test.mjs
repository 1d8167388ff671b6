// A 50,000-word article: annotation runs in the worker, marks are drawn in slices, and the page keeps
// answering the keyboard meanwhile. Prints the times; asserts responsiveness, not speed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WWW, sharedBrowser, openPage, idle, exportDownload } from './helpers.mjs';

/**
 * Longest acceptable round trip of one key press (sent, handled, acknowledged) while the page works.
 * A frozen page answers in seconds; a responsive one in tens of milliseconds, hundreds under load.
 */
const KEY_BUDGET_MS = 750;

const env = sharedBrowser();

/** The sample article repeated, with numbered sections, to `words` words. */
function longArticle(words) {
  const sample = readFileSync(path.join(WWW, 'sample-article.txt'), 'utf8').trim();
  const per = sample.split(/\s+/).length;
  const parts = [];
  for (let i = 0; parts.length * per < words; i++) parts.push(`Part ${i + 1}\n\n${sample}`);
  return parts.join('\n\n');
}

/** Records the page's long main-thread tasks and counts the key presses its handlers saw. */
function installProbes(page) {
  return page.evaluate(() => {
    const perf = { longtasks: [], keys: 0 };
    window.__perf = perf;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) perf.longtasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
    document.addEventListener('keydown', () => perf.keys++, true);
  });
}

/** Presses a key and returns how long the page took to take it (ms). */
async function timedPress(page, key, type = false) {
  const t = performance.now();
  if (type) await page.keyboard.type(key);
  else await page.keyboard.press(key);
  return performance.now() - t;
}

const probes = (page) => page.evaluate(() => window.__perf);

test('a 50,000-word article is annotated and drawn without freezing the page', async (t) => {
  const session = await openPage(env.browser, env.server.url);
  const { page } = session;
  await page.goto(env.server.url);
  await idle(page);
  await installProbes(page);
  const text = longArticle(50_000);
  const words = text.split(/\s+/).length;
  assert.ok(words >= 50_000);

  // Reading: open the article, and move through the marks with J while it is still being drawn.
  const t0 = Date.now();
  await page.locator('#file').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(text) });
  const readingKeys = [];
  while ((await page.evaluate(() => document.documentElement.dataset.state)) === 'busy') {
    readingKeys.push(await timedPress(page, 'j'));
  }
  await idle(page, 120_000);
  const wall = Date.now() - t0;
  const shown = await page.evaluate(() => ({
    annotateMs: Number(document.documentElement.dataset.annotateMs),
    renderMs: Number(document.documentElement.dataset.renderMs),
    marks: Number(document.getElementById('view').dataset.marks),
    textLength: document.getElementById('view').textContent.length,
  }));
  assert.equal(shown.textLength, text.length, 'the whole article is drawn');
  const reading = await probes(page);
  const report = [
    `50k-word article: ${words} words, ${(text.length / 1e3).toFixed(0)}k characters, ${shown.marks} marks`,
    `  annotate (worker, wasm): ${shown.annotateMs} ms`,
    `  render (main thread, sliced): ${shown.renderMs} ms`,
    `  file chosen -> idle (wall): ${wall} ms`,
    `  while busy: ${readingKeys.length} key presses (J), slowest answered in ${Math.round(Math.max(0, ...readingKeys))} ms; ` +
      `longest main-thread task ${Math.max(0, ...reading.longtasks)} ms (${reading.longtasks.length} tasks over 50 ms)`,
  ];

  // Editing: type at the end while the 50,000 words are re-annotated after each pause.
  await page.locator('#mode-edit').click();
  await page.locator('#input').press('Control+End');
  await page.evaluate(() => {
    window.__perf.longtasks = [];
  });
  const typed = ' The end of the article, said Marc Dubois.';
  const typingKeys = [];
  for (const ch of typed) {
    typingKeys.push(await timedPress(page, ch, true));
    // Pausing after the comma lets the debounce fire: the rest is typed while the worker annotates.
    if (ch === ',') await page.waitForFunction(() => document.documentElement.dataset.phase === 'annotating');
  }
  const typingMs = typingKeys.reduce((x, y) => x + y, 0);
  assert.ok((await page.locator('#input').inputValue()).endsWith(typed), 'every key press reached the text box');
  const editing = await probes(page);
  await idle(page, 120_000);
  const { json } = await exportDownload(page);
  assert.equal(json.text, text + typed, 'the export has the typed text');
  report.push(
    `  typing ${typed.length} keys during re-annotation: ${Math.round(typingMs)} ms in all, slowest answered in ${Math.round(Math.max(...typingKeys))} ms; ` +
      `longest main-thread task ${Math.max(0, ...editing.longtasks)} ms`,
  );
  console.log(report.join('\n'));
  t.diagnostic(report.join(' | '));

  assert.ok(readingKeys.length > 0, 'the page took key presses while it was busy');
  assert.ok(Math.max(...readingKeys) < KEY_BUDGET_MS, `a key press took over ${KEY_BUDGET_MS} ms while the article was drawn`);
  assert.ok(Math.max(...typingKeys) < KEY_BUDGET_MS, `a key press took over ${KEY_BUDGET_MS} ms while typing`);
  assert.ok(editing.keys >= readingKeys.length + typed.length, 'the key handlers saw every press');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});
