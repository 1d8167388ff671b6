// The page as a newsroom user meets it: paste, see nested highlights, read the card, change the
// article date, export, reload. Every test fails on console errors or warnings and on any request
// that leaves the page's own server.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync, statSync, mkdirSync, copyFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { ROOT, SCREENSHOTS, sharedBrowser, openPage, idle, paste, exportDownload, freshPage } from './helpers.mjs';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);

// The placeholders and the real recognisers both find a quote holding names and an ISO date here.
const ARTICLE = [
  'Port strike halts grain exports',
  '',
  'BRUSSELS, March 14, 2024 (Newsmark Wire) – Dock workers walked off the job on Tuesday, union leaders said yesterday.',
  '',
  '“Pieter Claes met the Antwerp board on 2024-03-12 and nothing changed,” said Anna Roussel, a spokeswoman for the European Commission.',
  '',
  'Roussel said talks would resume next week.',
].join('\n');

const env = sharedBrowser();
before(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** Opens the page fresh (empty storage) and waits for the annotator. */
const fresh = (options) => freshPage(env, options);

/** Annotation text equals both slices of the export text, in both offset units. */
function assertSlices(exp) {
  const cps = [...exp.text];
  for (const a of exp.annotations) {
    assert.equal(exp.text.slice(a.start_utf16, a.end_utf16), a.text, `${a.id} UTF-16 slice`);
    assert.equal(cps.slice(a.start, a.end).join(''), a.text, `${a.id} code-point slice`);
    if (a.type === 'quote' && a.speaker_start != null) {
      assert.equal(
        exp.text.slice(a.speaker_start_utf16, a.speaker_end_utf16),
        cps.slice(a.speaker_start, a.speaker_end).join(''),
        `${a.id} speaker span`,
      );
    }
  }
  for (let i = 1; i < exp.annotations.length; i++) {
    const [p, q] = [exp.annotations[i - 1], exp.annotations[i]];
    assert.ok(p.start < q.start || (p.start === q.start && p.end >= q.end), `sorted at ${q.id}`);
  }
}

/** What the page shows for each annotation id: the concatenated text of its mark parts. */
function markTexts(page) {
  return page.evaluate(() => {
    const out = {};
    for (const m of document.querySelectorAll('#view mark[data-id]')) out[m.dataset.id] = (out[m.dataset.id] || '') + m.textContent;
    return out;
  });
}

/** The download equals the node build's output and, when a CLI binary is built, `newsmark annotate -`. */
function assertSameAsCli(text, bytes) {
  const node = require(path.join(ROOT, 'pkg-node', 'newsmark.js'));
  assert.equal(bytes.toString('utf8'), `${node.annotateJson(text, null)}\n`, 'same as the node build');
  // The most recently built CLI: a stale one from an older commit would differ for honest reasons.
  const cli = ['release', 'debug']
    .map((p) => path.join(ROOT, 'target', p, 'newsmark'))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  if (cli) {
    const out = execFileSync(cli, ['annotate', '-'], { input: Buffer.from(text, 'utf8') });
    assert.ok(out.equals(bytes), `download differs from ${cli} annotate`);
  } else console.log('# no CLI binary built (cargo build): compared with the node build only');
}

function assertNoProblems(session) {
  assert.deepEqual(session.problems(), [], 'console errors/warnings, dialogs or foreign requests');
}

test('pasting an article shows nested highlights: a quote holding names and a date', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const quote = page.locator('#view mark[data-type="quote"]:not([data-kind="reported"])').filter({ hasText: 'Pieter Claes met' }).first();
  await quote.waitFor();
  assert.ok((await quote.locator('mark[data-type="entity"]').count()) >= 2, 'entities nested inside the quote');
  const date = quote.locator('mark[data-type="date"]').filter({ hasText: '2024-03-12' });
  assert.equal(await date.count(), 1, 'the ISO date nested inside the quote');
  assert.equal(await page.locator('#view').textContent(), ARTICLE, 'the reading view shows the text unchanged');
  // Marks carry their type, label and id; the legend counts what is drawn.
  const counts = await page.evaluate(() => {
    const c = {};
    for (const li of document.querySelectorAll('#legend input')) c[li.dataset.cat] = Number(li.closest('label').querySelector('.count').textContent);
    return c;
  });
  const { json } = await exportDownload(page);
  assert.equal(counts.quote, json.annotations.filter((a) => a.type === 'quote' && a.kind !== 'reported').length);
  assert.equal(counts.reported, json.annotations.filter((a) => a.kind === 'reported').length);
  assert.equal(counts.date, json.annotations.filter((a) => a.type === 'date').length);
  assert.equal(await page.locator('#view mark[data-type="entity"]:not([data-cont])').count(), json.annotations.filter((a) => a.type === 'entity').length);
  const texts = await markTexts(page);
  for (const a of json.annotations) assert.equal(texts[a.id], a.text, `mark ${a.id} shows its text`);
  assertNoProblems(session);
  await session.context.close();
});

test('hover and keyboard focus open the card with the value and speaker; Esc closes it', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const { json } = await exportDownload(page);
  const card = page.locator('#card');
  assert.equal(await card.getAttribute('role'), 'tooltip');

  // Hover a name inside the quote.
  const entity = page.locator('#view mark[data-type="quote"] mark[data-type="entity"]').first();
  await entity.hover();
  await card.waitFor({ state: 'visible' });
  const id = await entity.getAttribute('data-id');
  const a = json.annotations.find((x) => x.id === id);
  assert.match(await card.textContent(), new RegExp(escape(a.canonical)), 'the card names the entity');
  assert.equal(await entity.getAttribute('aria-describedby'), 'card');
  // The card never covers the mark it describes.
  const [cb, mb] = [await card.boundingBox(), await entity.boundingBox()];
  assert.ok(cb.y >= mb.y + mb.height || cb.y + cb.height <= mb.y, 'card is above or below the mark');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });

  // Hover the quote itself (its opening mark): the card names the speaker when one is known.
  const quote = page.locator('#view mark[data-type="quote"]:not([data-kind="reported"])').first();
  const qid = await quote.getAttribute('data-id');
  const qa = json.annotations.find((x) => x.id === qid);
  await hoverStart(page, quote);
  await card.waitFor({ state: 'visible' });
  const quoteCard = await card.textContent();
  assert.match(quoteCard, /Quote/);
  if (qa.speaker) assert.match(quoteCard, new RegExp(escape(qa.speaker)), 'the card names the speaker');
  else assert.match(quoteCard, /not attributed/);
  if (qa.speaker_start_utf16 != null) {
    const linked = page.locator('#view .speaker.is-linked');
    assert.ok((await linked.count()) > 0, 'hovering a quote highlights its speaker mention');
    assert.equal(await linked.first().textContent(), json.text.slice(qa.speaker_start_utf16, qa.speaker_end_utf16));
  }
  await page.mouse.move(1, 1);
  await card.waitFor({ state: 'hidden' });
  // And the other way round: hovering a speaker mention highlights what they said.
  const speaker = page.locator('#view .speaker').first();
  if (await speaker.count()) {
    const quotes = (await speaker.getAttribute('data-quotes')).split(' ');
    await speaker.hover();
    assert.ok((await page.locator(`#view mark[data-id="${quotes[0]}"].is-linked`).count()) > 0, 'the speaker\'s quote is highlighted');
    await page.mouse.move(1, 1);
  }

  // Keyboard: Tab from the start of the article reaches the first mark and opens its card.
  await page.locator('#view').focus();
  await page.keyboard.press('Tab');
  const focusedId = await page.evaluate(() => document.activeElement.dataset.id);
  assert.ok(focusedId, 'Tab moves to a mark');
  await card.waitFor({ state: 'visible' });
  // Tab on to the date inside the quote: the card shows its value.
  const dateAnn = json.annotations.find((x) => x.type === 'date' && x.text === '2024-03-12');
  for (let i = 0; i < 40; i++) {
    if ((await page.evaluate(() => document.activeElement.dataset.id)) === dateAnn.id) break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), dateAnn.id, 'Tab reaches the date');
  assert.match(await card.textContent(), new RegExp(escape(dateAnn.value)), 'the card shows the date value');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  // Enter pins the card: it stays when the pointer moves on, until Esc.
  await page.keyboard.press('Shift+Tab');
  await card.waitFor({ state: 'visible' });
  await page.keyboard.press('Enter');
  assert.ok(await card.evaluate((c) => c.classList.contains('pinned')));
  await page.mouse.move(2, 400);
  await page.mouse.move(3, 420);
  assert.ok(await card.isVisible(), 'a pinned card stays');
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  // J moves to the next mark as well.
  const beforeJ = await page.evaluate(() => document.activeElement.dataset.id);
  await page.keyboard.press('j');
  await card.waitFor({ state: 'visible' });
  assert.notEqual(await page.evaluate(() => document.activeElement.dataset.id), beforeJ);
  assertNoProblems(session);
  await session.context.close();
});

/** Moves the mouse onto the first character of a mark (its box may span several lines). */
async function hoverStart(page, locator) {
  await locator.scrollIntoViewIfNeeded();
  const r = await locator.evaluate((el) => {
    const range = document.createRange();
    range.setStart(el.firstChild, 0);
    range.setEnd(el.firstChild, 1);
    const b = range.getBoundingClientRect();
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  });
  await page.mouse.move(r.x, r.y);
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('changing the article date re-resolves dates at once (card and export)', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const before = (await exportDownload(page)).json;
  const detected = before.document_date?.value ?? '';
  assert.equal(await page.locator('#docdate').inputValue(), detected, 'the field shows the detected date');
  const newDate = detected === '2019-07-02' ? '2019-07-09' : '2019-07-02';
  await page.locator('#docdate').fill(newDate);
  await idle(page);
  assert.match(await page.locator('#docdate-source').textContent(), /set by you/);
  const afterExport = (await exportDownload(page)).json;
  assert.equal(afterExport.document_date.value, newDate);
  assert.equal(afterExport.document_date.source, 'given');
  assert.ok(validate(afterExport), JSON.stringify(validate.errors));
  // Every date resolved against the article date moves with it.
  const relative = afterExport.annotations.filter((a) => a.type === 'date' && a.anchor === 'document_date' && a.value);
  const old = new Map(before.annotations.map((a) => [a.id, a]));
  if (relative.length) {
    assert.ok(
      relative.some((a) => old.get(a.id)?.value !== a.value),
      'a relative date changed value with the article date',
    );
    // The card shows the new value.
    const r = relative.find((a) => old.get(a.id)?.value !== a.value);
    await page.locator(`#view mark[data-id="${r.id}"]`).first().hover();
    await page.locator('#card').waitFor({ state: 'visible' });
    assert.match(await page.locator('#card').textContent(), new RegExp(escape(r.value)));
  }
  // Clearing the override goes back to the detected date.
  await page.locator('#docdate-reset').click();
  await idle(page);
  const reset = (await exportDownload(page)).json;
  assert.deepEqual(reset.document_date, before.document_date);
  assertNoProblems(session);
  await session.context.close();
});

test('Export JSON downloads the CLI bytes, valid against docs/schema.json, offsets slicing back', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const { name, bytes, json } = await exportDownload(page);
  assert.equal(name, 'port-strike-halts-grain-exports.newsmark.json');
  assert.ok(validate(json), JSON.stringify(validate.errors, null, 1));
  assert.equal(json.text, ARTICLE);
  assertSlices(json);
  assertSameAsCli(ARTICLE, bytes);
  assertNoProblems(session);
  await session.context.close();
});

test('emoji, combining accents, CRLF and NBSP: every mark shows exactly its annotation text', async () => {
  const session = await fresh();
  const { page } = session;
  const text =
    'Zoë Ångström 👨🏻‍🚒 met Café Noël on 2024-03-05.\r\n\r\n' +
    '“Renée 💩 Dvořák said so on 2024-03-06,” said José Nuñez.\r\n' +
    'Combining: Zoe\u0308 Cafe\u0301 and Nai\u0308ve Town\u00a0Hall on 2024-03-07 in São\u00a0Paulo.\r\n' +
    'Flags 🇧🇪 and keycaps 1️⃣ before “Marc Dubois 👨‍👩‍👧 2024-03-08”.';
  // A file keeps CRLF exactly (a text box turns it into LF), like the CLI reading the same file.
  await page.locator('#file').setInputFiles({ name: 'offsets.txt', mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
  await page.locator('#view').waitFor({ state: 'visible' });
  await idle(page);
  assert.equal(await page.locator('#view').textContent(), text);
  const { json, bytes } = await exportDownload(page);
  assert.equal(json.text, text, 'CRLF kept in the export');
  assert.ok(validate(json), JSON.stringify(validate.errors));
  assertSlices(json);
  assertSameAsCli(text, bytes);
  assert.ok(json.annotations.length >= 4, 'the dates (at least) are found');
  const texts = await markTexts(page);
  for (const a of json.annotations) assert.equal(texts[a.id], a.text, `mark ${a.id}`);
  // The same text typed into the box (LF line ends) stays consistent too.
  await paste(page, text.replaceAll('\r\n', '\n'));
  const typed = (await exportDownload(page)).json;
  assertSlices(typed);
  const typedTexts = await markTexts(page);
  for (const a of typed.annotations) assert.equal(typedTexts[a.id], a.text, `typed mark ${a.id}`);
  assertNoProblems(session);
  await session.context.close();
});

test('the draft and the date override survive a reload', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  await page.locator('#docdate').fill('2020-01-31');
  await idle(page);
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), ARTICLE);
  assert.equal(await page.locator('#view').textContent(), ARTICLE);
  assert.equal(await page.locator('#docdate').inputValue(), '2020-01-31');
  assert.equal((await exportDownload(page)).json.document_date.value, '2020-01-31');
  // Typing (not pasting) is kept too.
  await page.locator('#mode-edit').click();
  await page.locator('#input').press('End');
  await page.keyboard.type(' Extra words.');
  await idle(page);
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), `${ARTICLE} Extra words.`);
  assertNoProblems(session);
  await session.context.close();
});

test('a text file dropped on the page opens in the reading view', async () => {
  const session = await fresh();
  const { page } = session;
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.txt', { type: 'text/plain' }));
    return dt;
  }, ARTICLE);
  await page.dispatchEvent('#input', 'dragover', { dataTransfer });
  await page.dispatchEvent('#input', 'drop', { dataTransfer });
  await page.locator('#view').waitFor({ state: 'visible' });
  await idle(page);
  assert.equal(await page.locator('#view').textContent(), ARTICLE);
  assert.ok((await page.locator('#view mark[data-type="quote"]').count()) > 0);
  assertNoProblems(session);
  await session.context.close();
});

test('legend toggles, "Who is quoted" and names jump to the marks', async () => {
  const session = await fresh();
  const { page } = session;
  await page.locator('#sample').click();
  await page.locator('#view').waitFor({ state: 'visible' });
  await idle(page);
  const { json } = await exportDownload(page);
  assert.ok(json.annotations.length > 10, 'the sample article gets marks');
  assertSlices(json);

  // Toggling quotes off removes their tint and bar, keeps the text (reported speech has its own toggle).
  const quote = page.locator('#view mark[data-type="quote"]:not([data-kind="reported"])').first();
  const bar = () => quote.evaluate((el) => getComputedStyle(el).borderLeftWidth);
  assert.notEqual(await bar(), '0px');
  await page.locator('#legend input[data-cat="quote"]').uncheck();
  assert.equal(await bar(), '0px');
  await page.locator('#legend input[data-cat="quote"]').check();
  assert.notEqual(await bar(), '0px');

  // Who is quoted: one entry per speaker, counting speech quotes (not scare quotes).
  const speech = json.annotations.filter((a) => a.type === 'quote' && a.kind !== 'scare');
  const entries = page.locator('#speakers .speaker-entry');
  const keys = new Set(speech.map((a) => a.speaker_id || a.speaker || 'none'));
  assert.equal(await entries.count(), keys.size);
  const first = entries.first();
  const stats = await first.locator('.speaker-stats').textContent();
  const n = Number(stats.match(/^(\d+) quote/)[1]);
  await first.click();
  assert.equal(await page.locator('#view mark[data-type="quote"].is-selected:not([data-cont])').count(), n, 'all their quotes are highlighted');
  const focused = await page.evaluate(() => document.activeElement.dataset.id);
  assert.ok(json.annotations.find((a) => a.id === focused && a.type === 'quote'), 'jumped to one of the quotes');
  if (n > 1) {
    await first.click();
    assert.notEqual(await page.evaluate(() => document.activeElement.dataset.id), focused, 'a second click moves to the next quote');
  }

  // Names grouped by type with mention counts; clicking one jumps to a mention.
  const entity = page.locator('#entity-groups .entity-entry').first();
  const entityId = await entity.getAttribute('data-entity');
  const mentions = json.annotations.filter((a) => a.entity_id === entityId).length;
  assert.equal(Number(await entity.locator('.entity-count').textContent()), mentions);
  await entity.click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.entity), entityId);
  assertNoProblems(session);
  await session.context.close();
});

test('screenshots in light and dark (tests/e2e/screenshots, docs/screenshot.png)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const session = await fresh({ colorScheme, viewport: { width: 1280, height: 900 } });
    const { page } = session;
    await page.locator('#sample').click();
    await page.locator('#view').waitFor({ state: 'visible' });
    await idle(page);
    await hoverStart(page, page.locator('#view mark[data-type="quote"]:not([data-kind="reported"])').nth(1));
    await page.locator('#card').waitFor({ state: 'visible' });
    const file = path.join(SCREENSHOTS, `page-${colorScheme}.png`);
    await page.screenshot({ path: file });
    // The README's picture is refreshed on request only: its status line has timings, so every run differs.
    const readme = path.join(ROOT, 'docs', 'screenshot.png');
    if (colorScheme === 'light' && (process.env.NEWSMARK_UPDATE_SCREENSHOT || !existsSync(readme))) copyFileSync(file, readme);
    await page.locator('#mode-edit').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, `edit-${colorScheme}.png`) });
    assertNoProblems(session);
    await session.context.close();
  }
  const narrow = await fresh({ viewport: { width: 420, height: 900 } });
  await narrow.page.locator('#sample').click();
  await idle(narrow.page);
  await narrow.page.screenshot({ path: path.join(SCREENSHOTS, 'narrow.png'), fullPage: true });
  assertNoProblems(narrow);
  await narrow.context.close();
});

test('a clear message, not a blank page, when the wasm cannot load or the text is too large', async () => {
  const session = await openPage(env.browser, env.server.url);
  const { page } = session;
  await page.route('**/newsmark_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url);
  await page.waitForFunction(() => document.documentElement.dataset.state === 'error');
  const alert = page.locator('#alert');
  assert.ok(await alert.isVisible());
  assert.match(await alert.textContent(), /cannot annotate.*text is safe.*Reload/s);
  assert.ok(await page.locator('#input').isVisible(), 'the text box is still there');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wasm-failed.png') });
  await session.context.close();

  // The same when the JavaScript glue itself is missing (the worker cannot even start).
  const noGlue = await openPage(env.browser, env.server.url);
  await noGlue.page.route('**/pkg/newsmark.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await noGlue.page.goto(env.server.url);
  await noGlue.page.waitForFunction(() => document.documentElement.dataset.state === 'error');
  assert.match(await noGlue.page.locator('#alert').textContent(), /cannot annotate/);
  await noGlue.context.close();

  const big = await fresh();
  const huge = `${'Long text without an end. '.repeat(200_000)}`; // 5.2 million characters
  await big.page.locator('#file').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.from(huge) });
  await big.page.locator('#alert').waitFor({ state: 'visible' });
  assert.match(await big.page.locator('#alert').textContent(), /too large for the browser.*Split it/s);
  await big.context.close();

  // A browser that refuses to store the draft (quota, privacy mode) says so instead of failing.
  const full = await openPage(env.browser, env.server.url);
  await full.page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await full.page.goto(env.server.url);
  await idle(full.page);
  await paste(full.page, ARTICLE);
  assert.match(await full.page.locator('#draft-note').textContent(), /too large to keep/);
  assert.ok((await full.page.locator('#view mark').count()) > 0, 'annotation still works');
  assertNoProblems(full);
  await full.context.close();
});
