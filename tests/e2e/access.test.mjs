// The page for keyboard and screen-reader users, checked in Chromium's accessibility tree (what a
// screen reader is given), not only in the DOM: names without CSS tags, details as descriptions that
// follow the article date, a skip link, hidden marks out of the Tab order, Enter after Esc, J/K with
// Caps Lock, one announcement per annotation, and a phone-width page that never scrolls sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { SCREENSHOTS, sharedBrowser, idle, paste, exportDownload, axNodes, freshPage } from './helpers.mjs';

const ARTICLE = [
  'Port strike halts grain exports',
  '',
  'BRUSSELS, March 14, 2024 (Newsmark Wire) – Dock workers walked off the job on Tuesday, union leaders said yesterday.',
  '',
  '“Pieter Claes met the Antwerp board on 2024-03-12 and nothing changed,” said Anna Roussel, a spokeswoman for the European Commission.',
].join('\n');

const TAGS = ['PER', 'ORG', 'LOC', 'NORP', 'EVT', 'MISC'];

const env = sharedBrowser();

const fresh = (options) => freshPage(env, options);

/** Every text Chromium's accessibility tree holds under the reading view (names of all its nodes). */
async function axTextsUnderView(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const view = nodes.find((n) => n.name?.value === 'Annotated article');
    assert.ok(view, 'the reading view is in the tree');
    const out = [];
    const walk = (n) => {
      if (n.name?.value) out.push({ role: n.role?.value, name: n.name.value });
      for (const c of n.childIds || []) if (byId.has(c)) walk(byId.get(c));
    };
    walk(view);
    return out;
  } finally {
    await cdp.detach();
  }
}

test('marks have accessible names and descriptions without the CSS tags, and they follow the date', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const { json } = await exportDownload(page);
  const firsts = '#view mark.nm:not([data-cont])';
  const ids = await page.locator(firsts).evaluateAll((ms) => ms.map((m) => m.dataset.id));
  const ax = await axNodes(page, firsts);
  assert.equal(ax.length, json.annotations.length);
  for (const [i, node] of ax.entries()) {
    const a = json.annotations.find((x) => x.id === ids[i]);
    assert.ok(node.name, `${a.id} has a name`);
    assert.ok(!TAGS.some((t) => node.name.endsWith(t)), `${a.id} name without a CSS tag: ${node.name}`);
    assert.ok(node.description, `${a.id} has a description`);
    if (a.type === 'entity') assert.match(node.name, new RegExp(`^\\w[^:]*: ${a.canonical}$`));
    if (a.type === 'date' && a.value) assert.match(node.description, new RegExp(`Value: .*${a.value}`));
    if (a.type === 'quote') assert.match(node.name, a.kind === 'reported' ? /^Reported speech( by .+)?, \d+ words$/ : /^Quote( by .+)?, \d+ words$/);
  }
  // Nothing in the tree under the article reads a tag like "LOC" or "AntwerpLOC".
  const texts = await axTextsUnderView(page);
  const tagged = texts.filter((t) => TAGS.some((tag) => t.name === tag || new RegExp(`\\p{L}${tag}$`, 'u').test(t.name)));
  assert.deepEqual(tagged, [], 'no CSS tag text in the accessibility tree');

  // A relative date's name and description change with the article date.
  const rel = json.annotations.find((a) => a.type === 'date' && a.anchor === 'document_date' && a.value);
  assert.ok(rel, 'the article has a date resolved against the article date');
  const node = () => axNodes(page, `#view mark[data-id="${rel.id}"]:not([data-cont])`).then((n) => n[0]);
  const before = await node();
  assert.match(`${before.name} ${before.description}`, new RegExp(rel.value));
  await page.locator('#docdate').fill('2019-07-02');
  await idle(page);
  const changed = (await exportDownload(page)).json.annotations.find((a) => a.id === rel.id);
  assert.notEqual(changed.value, rel.value);
  const after = await node();
  assert.match(after.name, new RegExp(changed.value), 'the name has the new value');
  assert.match(after.description, new RegExp(changed.value), 'the description has the new value');
  assert.match(after.description, /set by you/);
  // With the card open, the card is the description.
  await page.locator(`#view mark[data-id="${rel.id}"]`).first().focus();
  await page.locator('#card').waitFor();
  assert.match((await node()).description, new RegExp(`Value.*${changed.value}`));
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('a skip link reaches the summary; marks hidden by the legend leave the Tab order', async () => {
  const session = await fresh();
  const { page } = session;
  await page.locator('#sample').click();
  await idle(page);
  // The first Tab stop of the page is the skip link, and it is shown when focused.
  await page.reload();
  await idle(page);
  await page.keyboard.press('Tab');
  const [skip] = await axNodes(page, ':focus');
  assert.equal(skip.role, 'link');
  assert.match(skip.name, /Skip to the summary/);
  assert.ok(await page.locator('.skip-link').isVisible());
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.getElementById('summary').contains(document.activeElement)), 'focus is in the summary');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.cat), 'person', 'the next Tab is the first legend toggle');

  // Switch people off: their marks are no Tab stops any more, in the DOM and in the tree.
  await page.locator('#legend input[data-cat="person"]').uncheck();
  const people = '#view mark.nm[data-label="PERSON"]:not([data-cont])';
  assert.ok((await page.locator(people).count()) > 0);
  const tabIndexes = () => page.locator(people).evaluateAll((ms) => [...new Set(ms.map((m) => m.tabIndex))]);
  assert.deepEqual(await tabIndexes(), [-1], 'hidden marks are out of the Tab order');
  await page.locator('#view').focus();
  const visited = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => (document.getElementById('view').contains(document.activeElement) ? document.activeElement.dataset.label || document.activeElement.dataset.type : null));
    if (!at) break;
    visited.push(at);
  }
  assert.ok(visited.length > 5, 'Tab goes through the other marks');
  assert.ok(!visited.includes('PERSON'), 'and skips the hidden ones');
  // Back on: they are Tab stops again.
  await page.locator('#legend input[data-cat="person"]').check();
  assert.deepEqual(await tabIndexes(), [0]);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('Enter reopens a card closed with Esc; J and K work with Caps Lock', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  const card = page.locator('#card');
  const first = page.locator('#view mark.nm:not([data-cont])').first();
  await first.focus();
  await card.waitFor();
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  await page.keyboard.press('Enter');
  await card.waitFor();
  assert.ok(await card.evaluate((c) => c.classList.contains('pinned')), 'Enter opens it pinned');
  assert.equal(await first.getAttribute('aria-describedby'), 'card');
  await page.keyboard.press('Escape');
  // Caps Lock on: the keys arrive as "J" and "K".
  const id = () => page.evaluate(() => document.activeElement.dataset.id);
  const start = await id();
  await page.keyboard.press('J');
  const next = await id();
  assert.notEqual(next, start, 'J moves to the next mark');
  await card.waitFor();
  await page.keyboard.press('K');
  assert.equal(await id(), start, 'K moves back');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('screen readers hear one message per annotation run', async () => {
  const session = await fresh();
  const { page } = session;
  await paste(page, ARTICLE);
  await page.locator('#mode-edit').click();
  // Record every change of what any live region says.
  await page.evaluate(() => {
    window.__spoken = [];
    const last = new Map();
    const check = () => {
      for (const r of document.querySelectorAll('[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]')) {
        const text = r.hidden ? '' : r.textContent.trim();
        if (text !== (last.get(r) ?? '')) {
          last.set(r, text);
          if (text) window.__spoken.push(text);
        }
      }
    };
    check();
    window.__spoken = [];
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  await page.locator('#input').press('End');
  await page.keyboard.type(' Talks resume next week.');
  await idle(page);
  await page.locator('#input').press('End');
  await page.keyboard.type(' More.');
  await idle(page);
  const spoken = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.length, 2, `one message per run, got: ${JSON.stringify(spoken)}`);
  assert.match(spoken[1], /^Annotated: \d+ words, \d+ marks\.$/);
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});

test('at 390 px nothing scrolls sideways and the header does not take the screen (light and dark)', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const session = await fresh({ colorScheme, viewport: { width: 390, height: 844 } });
    const { page } = session;
    const noSideways = async (what) => {
      const m = await page.evaluate(() => ({ sw: document.scrollingElement.scrollWidth, cw: document.scrollingElement.clientWidth }));
      assert.ok(m.sw <= m.cw, `${what}: scrollWidth ${m.sw} > clientWidth ${m.cw}`);
    };
    await noSideways('empty page');
    // An article with no date line: the longest date hint.
    await paste(page, 'A text with no date line. Officials said talks went on yesterday, said Anna Roussel.');
    await noSideways('date hint');
    await page.locator('#docdate').fill('0500-01-01');
    await idle(page);
    await noSideways('date error');
    await page.locator('#sample').click();
    await idle(page);
    await noSideways('sample, reading view');
    await page.screenshot({ path: path.join(SCREENSHOTS, `narrow-390-${colorScheme}.png`) });
    await page.locator('#view mark[data-type="quote"]:not([data-kind="reported"])').first().focus();
    await page.locator('#card').waitFor();
    await noSideways('card open');
    await page.screenshot({ path: path.join(SCREENSHOTS, `narrow-390-card-${colorScheme}.png`) });
    await page.locator('#mode-edit').click();
    await noSideways('edit view');
    await page.locator('#mode-read').click();
    // Scrolled into the article, the header covers at most an eighth of the screen.
    await page.evaluate(() => window.scrollTo(0, 600));
    const covered = await page.evaluate(() => {
      const r = document.querySelector('header.top').getBoundingClientRect();
      return Math.max(0, Math.min(r.bottom, innerHeight) - Math.max(r.top, 0)) / innerHeight;
    });
    assert.ok(covered <= 0.125, `the header covers ${(covered * 100).toFixed(0)}% of the screen`);
    assert.deepEqual(session.problems(), []);
    await session.context.close();
  }
});
