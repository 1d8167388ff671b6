// Whatever a CMS pastes is shown as text and never runs: markup, script, event handlers,
// javascript: URLs, control characters and very long lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowser, idle, paste, exportDownload, freshPage } from './helpers.mjs';

const HOSTILE = [
  'Hostile paste test',
  '<img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=2;alert(2)</script>',
  '“<img src=x onerror=alert(3)> said Bob Smith on 2024-03-05,” said Alice Jones.',
  '<a href="javascript:window.__pwned=4">Click Me</a> <div onmouseover="window.__pwned=5">Hover Here</div>',
  '<svg onload=alert(6)><iframe src="javascript:alert(7)"></iframe> <object data="javascript:alert(8)">',
  '"><img src=x onerror=alert(9)> \'><script>alert(10)</script> {{constructor.constructor(\'alert(11)\')()}} ${alert(12)}',
  '<style>body{display:none}</style> <meta http-equiv="refresh" content="0;url=javascript:alert(13)"> <base href="//evil.invalid/">',
  'Control chars: NUL[\u0000] SOH[\u0001] BEL[\u0007] ESC[\u001b[31m] DEL[\u007f] NEL[\u0085] LS[\u2028] PS[\u2029] ZWSP[\u200b] RLO[\u202e]Reversed Text[\u202c] BOM[\ufeff]',
  `Long line: ${'A'.repeat(60_000)} then ${'“Quote'.repeat(2_000)} and ${'Capital '.repeat(5_000)}end`,
  'https://evil.invalid/track.gif javascript:alert(14) data:text/html,<script>alert(15)</script>',
].join('\n');

const env = sharedBrowser();

async function assertInert(session, text) {
  const { page } = session;
  // Interact the way a reader would: hover and focus marks, click in the text.
  const marks = page.locator('#view mark');
  const n = Math.min(await marks.count(), 8);
  for (let i = 0; i < n; i++) await marks.nth(i).hover({ force: true });
  await page.locator('#view').click({ position: { x: 5, y: 5 } });
  await page.locator('#view').focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
  await page.mouse.move(1, 1);

  const facts = await page.evaluate(() => ({
    pwned: window.__pwned,
    elements: [...document.querySelectorAll('#view *, #card *, #speakers *, #entity-groups *')]
      .map((e) => e.tagName.toLowerCase())
      .filter((t) => !['div', 'mark', 'span', 'p', 'dl', 'dt', 'dd', 'code', 'li', 'button', 'section', 'h3', 'ul', 'details', 'summary'].includes(t)),
    handlers: [...document.querySelectorAll('#view *')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on') || /^(src|href)$/.test(a.name))).length,
    bodyVisible: getComputedStyle(document.body).display !== 'none',
    location: location.href,
    viewText: document.getElementById('view').textContent,
  }));
  assert.equal(facts.pwned, undefined, 'no script ran');
  assert.deepEqual(facts.elements, [], 'no element came from the text');
  assert.equal(facts.handlers, 0, 'no attribute came from the text');
  assert.ok(facts.bodyVisible, 'pasted <style> had no effect');
  assert.equal(facts.location, env.server.url, 'no navigation');
  assert.equal(facts.viewText, text, 'the text shows literally');
  assert.ok(!env.server.requests.some((r) => r === '/x' || r.includes('evil')), 'no request made by pasted markup');
  assert.deepEqual(session.problems(), [], 'no dialog, console error or foreign request');
}

test('hostile text pasted into the box is shown literally and nothing executes', async () => {
  const session = await freshPage(env);
  await paste(session.page, HOSTILE);
  // The text box itself keeps every character (NUL included) except CR, which it normalises.
  assert.equal(await session.page.locator('#input').inputValue(), HOSTILE);
  assert.ok((await session.page.locator('#view mark').count()) > 0, 'hostile text is still annotated');
  await assertInert(session, HOSTILE);
  const { json } = await exportDownload(session.page);
  assert.equal(json.text, HOSTILE, 'the export keeps the text exactly');
  for (const a of json.annotations) assert.equal(json.text.slice(a.start_utf16, a.end_utf16), a.text);
  await session.context.close();
});

test('hostile text opened from a file (CR and all) is shown literally and nothing executes', async () => {
  const session = await freshPage(env);
  const text = HOSTILE.replaceAll('\n', '\r\n') + '\r\u000b\u000c lone CR and form feed';
  await session.page.locator('#file').setInputFiles({ name: 'hostile.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await session.page.locator('#view').waitFor({ state: 'visible' });
  await idle(session.page);
  await assertInert(session, text);
  // And after a reload from the saved draft.
  await session.page.reload();
  await idle(session.page);
  await assertInert(session, text);
  await session.context.close();
});
