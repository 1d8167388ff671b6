// The page against the full newsmark/1 contract, independent of how good the recognisers are today:
// a stand-in worker answers with hand-written exports that have speakers, relative dates, a quote over
// two paragraphs and crossing spans. What is checked is what the page makes of them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv/dist/2020.js';
import { ROOT, SCREENSHOTS, sharedBrowser, openPage, idle, paste, exportDownload } from './helpers.mjs';

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(path.join(ROOT, 'docs', 'schema.json'), 'utf8')),
);

/** Offsets of the `nth` occurrence of `sub` in `text`, in both units. */
function at(text, sub, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(sub, i + 1);
  assert.ok(i >= 0, `${sub} in text`);
  const cp = (u) => [...text.slice(0, u)].length;
  return { start: cp(i), end: cp(i + sub.length), start_utf16: i, end_utf16: i + sub.length, text: sub };
}

const NEWS =
  'BRUSSELS, March 14, 2024 – “We are ready to talk tomorrow,” said Pieter Claes, the union leader. ' +
  '“But we will not talk forever,” he said.\n\n“A quote over two paragraphs 👨🏻‍🚒 starts here,\n\n“and ends with Anna Roussel here,” Roussel said.';

function newsExport(text, dct) {
  const date = dct ?? '2024-03-14';
  const tomorrow = dct ? '2019-07-03' : '2024-03-15';
  const e = (id, sub, label, entity_id, canonical, nth = 0) => ({
    type: 'entity', id, ...at(text, sub, nth), label, entity_id, canonical, reason: 'hand-written', confidence: null, rule: 'entity/model',
  });
  const q = (id, sub, speaker, speaker_id, mention, nth = 0) => {
    const m = mention ? at(text, mention.sub, mention.nth ?? 0) : null;
    return {
      type: 'quote', id, ...at(text, sub), kind: 'speech', speaker, speaker_id,
      speaker_start: m?.start ?? null, speaker_end: m?.end ?? null,
      speaker_start_utf16: m?.start_utf16 ?? null, speaker_end_utf16: m?.end_utf16 ?? null, cue: 'said',
      speaker_gender: 'male', speaker_gender_basis: 'given-name', rule: 'quote/tight',
    };
  };
  const anns = [
    e('e1', 'BRUSSELS', 'LOC', 'ent1', 'Brussels'),
    { type: 'date', id: 'd1', ...at(text, 'March 14, 2024'), label: 'DATE', value: '2024-03-14', anchor: null, gloss: 'Thursday 14 March 2024', reason: 'explicit date', rule: 'date/explicit-date' },
    q('q1', '“We are ready to talk tomorrow,”', 'Pieter Claes', 'ent2', { sub: 'Pieter Claes' }),
    { type: 'date', id: 'd2', ...at(text, 'tomorrow'), label: 'DATE', value: tomorrow, anchor: 'document_date', gloss: null, reason: 'the day after the article date', rule: 'date/relative-day' },
    e('e2', 'Pieter Claes', 'PERSON', 'ent2', 'Pieter Claes'),
    q('q2', '“But we will not talk forever,”', 'Pieter Claes', 'ent2', { sub: 'he', nth: 1 }),
    q('q3', '“A quote over two paragraphs 👨🏻‍🚒 starts here,\n\n“and ends with Anna Roussel here,”', 'Anna Roussel', 'ent3', { sub: 'Roussel', nth: 1 }),
    // Crossing the end of q3 on purpose: the page must still show every character once.
    e('e3', 'Anna Roussel here,” Roussel', 'PERSON', 'ent3', 'Anna Roussel'),
  ];
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  return {
    schema: 'newsmark/1', text, offset_unit: 'codepoint',
    document_date: dct ? { value: date, source: 'given', start: null, end: null, start_utf16: null, end_utf16: null } : { value: date, source: 'text', ...Object.fromEntries(Object.entries(at(text, 'March 14, 2024')).filter(([k]) => k !== 'text')) },
    annotations: anns,
  };
}

// The stand-in worker: same protocol as www/worker.js.
const FAKE_WORKER = `
postMessage({ type: 'ready', ms: 1 });
onmessage = (event) => {
  const { seq, text, date } = event.data;
  const exp = (${newsExport.toString()})(text, date);
  // Every annotation carries its rule id (issue 13); q2's says how its speaker was found.
  for (const a of exp.annotations) if (a.id === 'q2') a.rule = 'quote/after-adjacent';
  const json = JSON.stringify(exp);
  postMessage({ type: 'result', seq, json, exp: JSON.parse(json), ms: 1 });
};
function at(text, sub, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(sub, i + 1);
  if (i < 0) throw new Error(sub + ' not in text');
  const cp = (u) => [...text.slice(0, u)].length;
  return { start: cp(i), end: cp(i + sub.length), start_utf16: i, end_utf16: i + sub.length, text: sub };
}
`;

const env = sharedBrowser();

test('speakers, relative dates, a two-paragraph quote and crossing spans are shown as the contract says', async () => {
  assert.ok(validate(newsExport(NEWS)), JSON.stringify(validate.errors));
  const session = await openPage(env.browser, env.server.url);
  const { page } = session;
  await page.route('**/worker.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_WORKER }));
  await page.goto(env.server.url);
  await idle(page);
  await paste(page, NEWS);
  const exp = newsExport(NEWS);

  // Every annotation shows exactly its text, even split over paragraphs or across another span.
  assert.equal(await page.locator('#view').textContent(), NEWS);
  const texts = await page.evaluate(() => {
    const out = {};
    for (const m of document.querySelectorAll('#view mark[data-id]')) out[m.dataset.id] = (out[m.dataset.id] || '') + m.textContent;
    return out;
  });
  for (const a of exp.annotations) assert.equal(texts[a.id], a.text, a.id);
  assert.ok((await page.locator('#view mark[data-id="q3"][data-cont]').count()) >= 1, 'the quote continues in its second paragraph');
  assert.equal(await page.locator('#view mark[data-id="q3"][tabindex="0"]').count(), 1, 'one tab stop per annotation');
  assert.equal(await page.locator('#view mark[data-id="q1"] mark[data-id="d2"]').count(), 1, 'the relative date sits inside the quote');

  // Who is quoted: two speakers, counted by quotes and words.
  const entries = page.locator('#speakers .speaker-entry');
  assert.equal(await entries.count(), 2);
  assert.equal(await entries.nth(0).locator('.speaker-name').textContent(), 'Pieter Claes');
  assert.equal(await entries.nth(0).locator('.speaker-stats').textContent(), '2 quotes · 12 words');
  assert.equal(await entries.nth(1).locator('.speaker-name').textContent(), 'Anna Roussel');
  await entries.nth(0).click();
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('#view mark.is-selected:not([data-cont])')].map((m) => m.dataset.id)),
    ['q1', 'q2'],
  );
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'q1');
  await entries.nth(0).click();
  assert.equal(await page.evaluate(() => document.activeElement.dataset.id), 'q2', 'the next click moves on');
  await page.keyboard.press('Escape');

  // Hovering a quote highlights its speaker mention ("he"), and the card names the speaker.
  const card = page.locator('#card');
  const q2 = page.locator('#view mark[data-id="q2"]');
  await q2.hover({ position: { x: 4, y: 6 } });
  await card.waitFor({ state: 'visible' });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'contract.png') });
  const q2Card = await card.textContent();
  assert.match(q2Card, /Pieter Claes \(as “he”\)/);
  assert.match(q2Card, /Cuesaid/);
  assert.equal(await card.locator('.card-rule').textContent(), 'rule: quote/after-adjacent', 'the rule id, when the export has one');
  assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#view .speaker.is-linked')].map((s) => s.textContent)), ['he']);
  // Hovering the speaker mention highlights the quote.
  await page.mouse.move(1, 1);
  await card.waitFor({ state: 'hidden' });
  await page.locator('#view .speaker', { hasText: /^he$/ }).hover();
  assert.equal(await page.locator('#view mark[data-id="q2"].is-linked').count(), 1);

  // The relative date's card: value in words, TIMEX3 value, what it was resolved against.
  await page.locator('#view mark[data-id="d2"]').hover();
  await card.waitFor({ state: 'visible' });
  const d2Card = await card.textContent();
  assert.match(d2Card, /Friday 15 March 2024 · 2024-03-15/);
  assert.match(d2Card, /article date, Thursday 14 March 2024 \(from the text: “March 14, 2024”\)/);
  assert.equal(await card.locator('.card-rule').textContent(), 'rule: date/relative-day', 'each card names its own rule');
  // A name's card: label in words, canonical name, mentions, how often quoted.
  await page.locator('#view mark[data-id="e2"]').hover();
  await page.waitForFunction(() => document.getElementById('card').textContent.includes('Mentions'));
  assert.match(await card.textContent(), /Person.*Pieter Claes.*Mentions1 in this article.*Quoted2 times/s);

  // A new article date re-resolves "tomorrow" in the card and the export at once.
  await page.locator('#docdate').fill('2019-07-02');
  await idle(page);
  await page.locator('#view mark[data-id="d2"]').hover();
  await page.waitForFunction(() => document.getElementById('card').textContent.includes('2019-07-03'));
  assert.match(await card.textContent(), /Wednesday 3 July 2019 · 2019-07-03/);
  assert.match(await card.textContent(), /article date, Tuesday 2 July 2019 \(set by you\)/);
  const { json, name } = await exportDownload(page);
  assert.equal(name, 'brussels-march-14-2024-we-are.newsmark.json');
  assert.equal(json.document_date.value, '2019-07-02');
  assert.equal(json.annotations.find((a) => a.id === 'd2').value, '2019-07-03');
  assert.deepEqual(session.problems(), []);
  await session.context.close();
});
