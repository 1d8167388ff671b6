// The page never loses a text and never passes off an old view as current: replacing the text can be
// undone (draft included), files are decoded honestly or refused, tabs keep their own drafts, a typed
// date stays with its article, failures clear the old marks, and invisible bidi controls are shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOTS, sharedBrowser, openPage, idle, paste, exportDownload, freshPage } from './helpers.mjs';

const ARTICLE = [
  'Port strike halts grain exports',
  '',
  'BRUSSELS, March 14, 2024 (Newsmark Wire) – Dock workers walked off the job on Tuesday, union leaders said yesterday.',
  '',
  '“Pieter Claes met the Antwerp board on 2024-03-12 and nothing changed,” said Anna Roussel, a spokeswoman for the European Commission.',
].join('\n');

// Another article, with no date line: "yesterday" resolves against whatever date the page uses.
const OTHER = [
  'Floods close the Rhine to barges',
  '',
  'Barge traffic on the Rhine stopped yesterday after heavy rain, the German shipping authority said.',
  '“We cannot say when it will reopen,” said Klaus Berger, a spokesman for the authority.',
].join('\n');

const env = sharedBrowser();

const fresh = (options) => freshPage(env, options);

const textFile = (name, buffer) => ({ name, mimeType: 'text/plain', buffer });

async function openFile(page, name, buffer) {
  await page.locator('#file').setInputFiles(textFile(name, buffer));
  await idle(page);
}

async function drop(page, name, text) {
  const dataTransfer = await page.evaluateHandle(
    ([n, t]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: 'text/plain' }));
      return dt;
    },
    [name, text],
  );
  await page.dispatchEvent('#input', 'dragover', { dataTransfer });
  await page.dispatchEvent('#input', 'drop', { dataTransfer });
  await page.waitForFunction((t) => document.getElementById('input').value === t, text);
  await idle(page);
}

const notice = (page, topic) => page.locator(`#notices .notice[data-topic="${topic}"]`);

/** Clicks Undo in the "replaced" note and checks the text, the view and the saved draft are back. */
async function undoAndCheck(page, expected) {
  await notice(page, 'replace').getByRole('button', { name: 'Undo' }).click();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), expected, 'Undo brings the text back');
  assert.equal(await page.locator('#view').textContent(), expected, 'and shows it');
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), expected, 'the saved draft is back too');
}

test('Load sample, Open file and drop replace the text only with a one-click Undo that restores the draft', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  await page.locator('#docdate').fill('2020-01-31');
  await idle(page);

  await page.locator('#sample').click();
  await idle(page);
  assert.notEqual(await page.locator('#input').inputValue(), ARTICLE, 'the sample is shown');
  assert.match(await notice(page, 'replace').textContent(), /sample article replaced your text/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'replaced-undo-light.png') });
  // A reload before clicking Undo does not lose the way back.
  await page.reload();
  await idle(page);
  assert.match(await notice(page, 'replace').textContent(), /replaced before this reload/);
  // The date typed for the article goes with it, and comes back with it.
  assert.notEqual(await page.locator('#docdate').inputValue(), '2020-01-31');
  await undoAndCheck(page, ARTICLE);
  assert.equal(await page.locator('#docdate').inputValue(), '2020-01-31', 'Undo brings back the date typed for the text');
  assert.equal((await exportDownload(page)).json.document_date.source, 'given');
  // Dismissed, the note (and its Redo) stays away after a reload.
  await notice(page, 'replace').getByRole('button', { name: 'Dismiss this note' }).click();
  await page.reload();
  await idle(page);
  assert.equal(await notice(page, 'replace').count(), 0);

  await openFile(page, 'other.txt', Buffer.from(OTHER));
  assert.equal(await page.locator('#view').textContent(), OTHER);
  assert.match(await notice(page, 'replace').textContent(), /Opened other\.txt.*replaced your text/s);
  await undoAndCheck(page, ARTICLE);

  await drop(page, 'dropped.txt', OTHER);
  assert.equal(await page.locator('#view').textContent(), OTHER);
  await undoAndCheck(page, ARTICLE);
  // Undo is itself undoable: nothing is lost either way.
  await drop(page, 'dropped.txt', OTHER);
  await notice(page, 'replace').getByRole('button', { name: 'Undo' }).click();
  await notice(page, 'replace').getByRole('button', { name: 'Redo' }).click();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), OTHER);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a binary file is refused; Latin-1 opens as windows-1252 and UTF-16 by its BOM, and the page says which', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  // The start of a real PNG: signature, IHDR, and compressed bytes full of NULs and control codes.
  const png = Buffer.alloc(12_800);
  Buffer.from('89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff61', 'hex').copy(png);
  for (let i = 33; i < png.length; i++) png[i] = (i * 7919) % 256;
  await page.locator('#file').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  const alert = page.locator('#alert');
  await alert.waitFor({ state: 'visible' });
  assert.match(await alert.textContent(), /photo\.png was not opened: it is not a text file.*Your text is unchanged/s);
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), ARTICLE, 'the text is untouched');
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), ARTICLE, 'and so is the saved draft');

  const latin = 'PARIS – François Hollande arrived in Orléans on Monday, said Amélie Poulain. Price: 5 € “exactly”.';
  // Encoded as windows-1252 ("Latin-1" from Windows): the euro sign, dashes and curly quotes in 0x80–0x9F.
  const cp1252 = { '€': 0x80, '–': 0x96, '“': 0x93, '”': 0x94 };
  await openFile(page, 'latin1.txt', Buffer.from([...latin].map((c) => cp1252[c] ?? c.charCodeAt(0))));
  assert.ok(await alert.isHidden(), `the refusal message went away: ${await alert.textContent()}`);
  assert.equal(await page.locator('#view').textContent(), latin, 'every accent and the euro sign are right');
  assert.match(await notice(page, 'replace').textContent(), /read as windows-1252/);
  const { json } = await exportDownload(page);
  assert.equal(json.text, latin);
  assert.ok(!json.annotations.some((a) => a.text === 'Fran'), 'no name cut at a bad byte');

  // The page's windows-1252 table is the browser's own, byte for byte.
  const same = await page.evaluate(async () => {
    const { decodeWindows1252 } = await import('./decode.js');
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    return decodeWindows1252(all) === new TextDecoder('windows-1252').decode(all);
  });
  assert.ok(same, 'same as the browser\'s windows-1252 decoder');

  const utf16 = 'Zoë Ångström met Dvořák in Kraków on 2024-03-05 👋.';
  await openFile(page, 'utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf16, 'utf16le')]));
  assert.equal(await page.locator('#view').textContent(), utf16);
  assert.match(await notice(page, 'replace').textContent(), /read as UTF-16LE, from its byte order mark/);
  await openFile(page, 'utf8.txt', Buffer.from(ARTICLE));
  assert.match(await notice(page, 'replace').textContent(), /read as UTF-8\./);
  // A bidi override in a file name cannot disguise it in the page's messages.
  await openFile(page, 'photo\u202Egnp.exe', Buffer.from(OTHER));
  assert.match(await notice(page, 'replace').textContent(), /Opened photo\[RLO\]gnp\.exe, read as UTF-8/);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('two tabs keep their own drafts: neither overwrites the other, and each is told of the other', async () => {
  const session = await fresh({ colorScheme: 'dark' });
  const a = session.page;
  await paste(a, ARTICLE);
  // A second tab of the same browser profile starts from the newest draft…
  const b = await session.context.newPage();
  await b.goto(env.server.url);
  await idle(b);
  assert.equal(await b.locator('#input').inputValue(), ARTICLE);
  // …and once it has its own text, the first tab's is still kept.
  await paste(b, OTHER);
  await a.reload();
  await idle(a);
  assert.equal(await a.locator('#input').inputValue(), ARTICLE, 'tab A keeps its draft');
  await b.reload();
  await idle(b);
  assert.equal(await b.locator('#input').inputValue(), OTHER, 'tab B keeps its draft');
  // Tab A is told when B saves a different text; the note's button opens it here, with Undo.
  await a.locator('#mode-edit').click();
  await a.locator('#input').press('End');
  await a.keyboard.type(' One more line.');
  await idle(a);
  await b.locator('#mode-edit').click();
  await b.locator('#input').press('End');
  await b.keyboard.type(' Updated.');
  await idle(b);
  await notice(a, 'other-tab').waitFor();
  assert.match(await notice(a, 'other-tab').textContent(), /Another newsmark tab is editing a different text/);
  await a.screenshot({ path: path.join(SCREENSHOTS, 'other-tab-dark.png') });
  await notice(a, 'other-tab').getByRole('button', { name: 'Open that text here' }).click();
  await idle(a);
  assert.equal(await a.locator('#input').inputValue(), `${OTHER} Updated.`);
  await notice(a, 'replace').getByRole('button', { name: 'Undo' }).click();
  await idle(a);
  assert.equal(await a.locator('#input').inputValue(), `${ARTICLE} One more line.`);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a duplicated tab (same tab id, as the browser copies it) still keeps a draft of its own', async () => {
  const session = await fresh();
  const a = session.page;
  await paste(a, ARTICLE);
  const id = await a.evaluate(() => sessionStorage.getItem('newsmark.tab'));
  assert.ok(id);
  const b = await session.context.newPage();
  await b.addInitScript((tab) => sessionStorage.setItem('newsmark.tab', tab), id);
  await b.goto(env.server.url);
  await idle(b);
  assert.equal(await b.locator('#input').inputValue(), ARTICLE);
  await paste(b, OTHER);
  await a.waitForFunction((old) => sessionStorage.getItem('newsmark.tab') !== old, id);
  await a.reload();
  await idle(a);
  assert.equal(await a.locator('#input').inputValue(), ARTICLE, 'the first tab took a new id and kept its text');
  await b.reload();
  await idle(b);
  assert.equal(await b.locator('#input').inputValue(), OTHER);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a typed date stays with its article: a new article goes back to detection, and the page says so', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  await page.locator('#docdate').fill('2018-02-21');
  await idle(page);
  // Small edits keep it.
  await page.locator('#mode-edit').click();
  await page.locator('#input').press('End');
  await page.keyboard.type(' Talks resume next week.');
  await idle(page);
  assert.equal((await exportDownload(page)).json.document_date.value, '2018-02-21');
  // A new article pasted over it does not.
  await paste(page, OTHER);
  assert.doesNotMatch(await page.locator('#docdate-source').textContent(), /set by you/);
  const detected = (await exportDownload(page)).json;
  assert.notEqual(detected.document_date?.source, 'given');
  const note = notice(page, 'date');
  await note.waitFor();
  assert.match(await note.textContent(), /New article: its date is found in the text again \(2018-02-21 was set for the previous text\)/);
  const yesterday = detected.annotations.find((a) => a.type === 'date' && a.text === 'yesterday');
  assert.ok(!yesterday || !String(yesterday.value).startsWith('2018'), '"yesterday" is not resolved against the old date');
  // Also after a reload.
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#docdate').inputValue(), detected.document_date?.value ?? '');
  // One click keeps the typed date for the new text after all.
  await notice(page, 'date').waitFor({ state: 'detached' }).catch(() => {});
  await paste(page, ARTICLE);
  await page.locator('#docdate').fill('2018-02-21');
  await idle(page);
  await page.locator('#sample').click();
  await idle(page);
  await notice(page, 'date').getByRole('button', { name: 'Use 2018-02-21 for this text' }).click();
  await idle(page);
  assert.equal((await exportDownload(page)).json.document_date.value, '2018-02-21');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('no stale view: a too-large text or a refused date takes the old marks away and says why', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  assert.ok((await page.locator('#view mark').count()) > 0);
  const huge = 'Long text without an end. '.repeat(200_000); // 5.2 million characters
  await page.locator('#file').setInputFiles(textFile('huge.txt', Buffer.from(huge)));
  await page.locator('#alert').waitFor({ state: 'visible' });
  await idle(page);
  assert.equal(await page.locator('#view mark').count(), 0, 'the previous article\'s marks are gone');
  assert.doesNotMatch(await page.locator('#view').textContent(), /Pieter Claes/);
  assert.match(await page.locator('#view-stale').textContent(), /Not annotated: this text is too large/);
  assert.equal(await page.locator('#legend .count').evaluateAll((cs) => cs.every((c) => c.textContent === '0')), true, 'legend counts reset');
  assert.equal(await page.locator('#speakers li').count(), 0, '"Who is quoted" emptied');

  // Two texts of one length, neither with marks: the second is shown, not the first kept.
  await paste(page, 'Nothing to mark in here, really.');
  await paste(page, 'Nothing to mark in here, truly!');
  assert.equal(await page.locator('#view').textContent(), 'Nothing to mark in here, truly!');

  // The date field takes the annotator's range, and its own message when outside it.
  await paste(page, ARTICLE);
  assert.equal(await page.locator('#docdate').getAttribute('min'), '1000-01-01');
  assert.equal(await page.locator('#docdate').getAttribute('max'), '9998-12-31');
  await page.locator('#docdate').fill('0500-01-01');
  await idle(page);
  const error = page.locator('#docdate-error');
  await error.waitFor();
  assert.match(await error.textContent(), /give one from 1000-01-01 to 9998-12-31/);
  assert.equal(await page.locator('#docdate').getAttribute('aria-invalid'), 'true');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'date-refused-light.png') });
  assert.equal(await page.locator('#view mark').count(), 0, 'no marks shown for a date that was not used');
  assert.equal(await page.locator('#view').textContent(), ARTICLE, 'the text is still shown');
  assert.ok(await page.locator('#view-stale').isVisible());
  await page.locator('#docdate').fill('2024-03-14');
  await idle(page);
  assert.ok(await error.isHidden());
  assert.ok((await page.locator('#view mark').count()) > 0);
  assert.ok(await page.locator('#view-stale').isHidden());
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('if the annotator cannot load while the page is in Read mode, the article is still shown', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE); // the reading view, saved as the mode for the next visit
  await page.route('**/newsmark_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.reload();
  await page.waitForFunction(() => document.documentElement.dataset.state === 'error');
  await page.waitForFunction(() => document.getElementById('view').textContent.length > 0);
  assert.ok(await page.locator('#view').isVisible());
  assert.equal(await page.locator('#view').textContent(), ARTICLE, 'the text is there to read');
  assert.match(await page.locator('#view-stale').textContent(), /Not annotated: the annotator is unavailable/);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'wasm-failed-read.png') });
  await session.context.close();
});

test('bidi control characters are shown as named markers and reorder nothing', async () => {
  const session = await fresh();
  const { page } = session;
  const text = 'Anna Roussel sent “\u202Egnp.exe\u202C” and a \u2067RLI\u2069 note on 2024-03-05.';
  await paste(page, text);
  assert.equal(await page.locator('#view').textContent(), text, 'the text, characters and all, is unchanged');
  const markers = page.locator('#view .bidi');
  assert.equal(await markers.count(), 4);
  assert.match(await markers.first().getAttribute('title'), /right-to-left override character \(U\+202E\)/);
  const box = await markers.first().boundingBox();
  assert.ok(box && box.width > 4, 'the marker is visible');
  // "gnp.exe" is shown in the order it is stored, not reversed into "exe.png".
  const order = await page.evaluate(() => {
    const view = document.getElementById('view');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf('gnp.exe');
      if (i < 0) continue;
      const at = (k) => {
        const r = document.createRange();
        r.setStart(n, k);
        r.setEnd(n, k + 1);
        return r.getBoundingClientRect().left;
      };
      return { g: at(i), last: at(i + 6) };
    }
    return null;
  });
  assert.ok(order && order.g < order.last, '"g" is left of the final "e"');
  // Marks around them still hold exactly their annotation's text.
  const { json } = await exportDownload(page);
  for (const a of json.annotations) {
    const shown = await page.locator(`#view mark[data-id="${a.id}"]`).evaluateAll((ms) => ms.map((m) => m.textContent).join(''));
    assert.equal(shown, a.text, a.id);
  }
  await page.screenshot({ path: path.join(SCREENSHOTS, 'bidi.png'), clip: { x: 0, y: 0, width: 1000, height: 300 } });
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a draft saved before drafts were kept per tab is still opened, with its date', async () => {
  const session = await openPage(env.browser, env.server.url);
  const { page } = session;
  await page.addInitScript((text) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('newsmark.draft.v1', text);
    localStorage.setItem('newsmark.date.v1', '2020-01-31');
  }, ARTICLE);
  await page.goto(env.server.url);
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), ARTICLE);
  assert.equal(await page.locator('#docdate').inputValue(), '2020-01-31');
  await page.reload();
  await idle(page);
  assert.equal(await page.locator('#input').inputValue(), ARTICLE, 'now kept as this tab\'s draft');
  assert.equal(await page.evaluate(() => localStorage.getItem('newsmark.draft.v1')), null, 'the old key is cleared');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});
