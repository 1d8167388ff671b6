// The page's side of the annotation worker (www/worker-client.js) when the annotator misbehaves:
// a stand-in worker crashes on one text and answers late on another. What is checked is what the
// user sees: a clear message, a page that keeps working, and only the newest text ever shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, openPage, idle, paste } from './helpers.mjs';

// Same protocol as www/worker.js. "CRASH" in the text traps like a wasm panic would; "SLOW" answers
// after a while, so a newer text is sent meanwhile.
const FAKE_WORKER = `
postMessage({ type: 'ready', ms: 1 });
onmessage = (event) => {
  const { seq, text } = event.data;
  if (text.includes('CRASH')) {
    postMessage({ type: 'error', seq, message: 'the annotator crashed on this text (unreachable)', fatal: true });
    return;
  }
  const answer = () => {
    const exp = { schema: 'newsmark/1', text, offset_unit: 'codepoint', document_date: null, annotations: [] };
    const json = JSON.stringify(exp);
    postMessage({ type: 'result', seq, json, exp, ms: 1, words: 1 });
  };
  if (text.includes('SLOW')) setTimeout(answer, 800);
  else answer();
};
`;

const env = sharedBrowser();

async function withFakeWorker() {
  const session = await openPage(env.browser, env.server.url);
  const workers = [];
  session.page.on('worker', (w) => workers.push(w));
  await session.page.route('**/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_WORKER }));
  await session.page.goto(env.server.url);
  await idle(session.page);
  return { ...session, workers };
}

test('a crash on one text says so, restarts the annotator, and the next text is annotated', async () => {
  const session = await withFakeWorker();
  const { page, workers } = session;
  await paste(page, 'This text will CRASH the annotator.');
  const alert = page.locator('#alert');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /could not be annotated: the annotator crashed/);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'idle');
  assert.equal(workers.length, 2, 'a fresh worker replaced the crashed one');
  await paste(page, 'A harmless text.');
  assert.equal(await page.locator('#view').textContent(), 'A harmless text.');
  assert.ok(await alert.isHidden(), 'the message goes once a text is annotated');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a late answer for an older text is dropped: only the newest text is shown', async () => {
  const session = await withFakeWorker();
  const { page } = session;
  // Everything the reading view ever shows, recorded as it changes.
  await page.evaluate(() => {
    window.__shown = [];
    new MutationObserver(() => window.__shown.push(document.getElementById('view').textContent)).observe(
      document.getElementById('view'),
      { childList: true, subtree: true, characterData: true },
    );
  });
  const file = (name, text) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
  await page.locator('#file').setInputFiles(file('first.txt', 'The SLOW first text.'));
  await page.waitForFunction(() => document.documentElement.dataset.phase === 'annotating');
  await page.locator('#file').setInputFiles(file('second.txt', 'The second text.'));
  await idle(page);
  assert.equal(await page.locator('#view').textContent(), 'The second text.');
  const shown = await page.evaluate(() => window.__shown);
  assert.ok(!shown.some((t) => t.includes('SLOW')), 'the first text was never drawn');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});
