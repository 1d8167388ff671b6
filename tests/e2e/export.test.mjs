// The Export menu: each format downloads, parses the way its tool reads it, slices the text in code
// points (emoji, combining accents, CRLF, a quote over two paragraphs), and equals the CLI's
// `--format` bytes when a CLI binary is built.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, sharedBrowser, idle, freshPage } from './helpers.mjs';

const TEXT =
  'Vote goes ahead 👨🏻‍🚒\r\n\r\n' +
  '“We will not back down.\r\n\r\n“The vote will go ahead as planned,” said Zoe\u0301 Adams, the party leader, on 2024-03-12. ' +
  'She added: “Nothing has changed, =1+1.”\r\nMike Pence met Adams in São\u00a0Paulo.';

const env = sharedBrowser();

/** The CLI's output for TEXT with `args`, or null when no binary is built. */
function cli(args) {
  const bin = ['release', 'debug']
    .map((p) => path.join(ROOT, 'target', p, 'newsmark'))
    .filter(existsSync)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  return bin ? execFileSync(bin, ['annotate', '-', ...args], { input: Buffer.from(TEXT, 'utf8') }) : null;
}

/** Chooses `format` in the menu, clicks Export and returns {name, bytes, label}. */
async function download(page, format) {
  await page.locator('#export-format').selectOption(format);
  const label = await page.locator('#export').textContent();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const chunks = [];
  for await (const c of await d.createReadStream()) chunks.push(c);
  return { name: d.suggestedFilename(), bytes: Buffer.concat(chunks), label };
}

const cp = (text, start, end) => [...text].slice(start, end).join('');

/** RFC 4180, as a spreadsheet reads it. */
function parseCsv(s) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\r' && s[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else {
      assert.ok(!'\r\n"'.includes(c), `bare ${JSON.stringify(c)} outside quotes`);
      cell += c;
    }
  }
  assert.ok(cell === '' && row.length === 0 && !quoted, 'ends with CRLF');
  return rows;
}

test('every Export menu format downloads, parses, slices the text and equals the CLI', async () => {
  const session = await freshPage(env);
  const { page } = session;
  // A file keeps CRLF exactly, like the CLI reading the same file.
  await page.locator('#file').setInputFiles({ name: 'vote.txt', mimeType: 'text/plain', buffer: Buffer.from(TEXT, 'utf8') });
  await page.locator('#view').waitFor({ state: 'visible' });
  await idle(page);

  const json = await download(page, 'json');
  assert.equal(json.label, 'Export JSON');
  assert.equal(json.name, 'vote-goes-ahead.newsmark.json');
  const exp = JSON.parse(json.bytes.toString('utf8'));
  assert.equal(exp.text, TEXT);
  const quotes = exp.annotations.filter((a) => a.type === 'quote');
  const entities = exp.annotations.filter((a) => a.type === 'entity');
  assert.ok(quotes.some((q) => q.text.includes('\r\n')), 'a quote runs over two paragraphs');

  const w3c = await download(page, 'w3c');
  assert.equal(w3c.name, 'vote-goes-ahead.w3c.jsonld');
  const doc = JSON.parse(w3c.bytes.toString('utf8'));
  assert.equal(doc['@context'], 'http://www.w3.org/ns/anno.jsonld');
  assert.equal(doc.first.items.length, exp.annotations.length);
  for (const item of doc.first.items) {
    assert.equal(item['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(item.type, 'Annotation');
    assert.equal(item.target.source, 'urn:newsmark:text');
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const pos = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    assert.equal(quote.exact, cp(TEXT, pos.start, pos.end), item.id);
  }

  const brat = await download(page, 'brat');
  assert.equal(brat.name, 'vote-goes-ahead.ann');
  const ts = brat.bytes.toString('utf8').split('\n').filter((l) => l.startsWith('T'));
  assert.ok(ts.length >= exp.annotations.length);
  let split = false;
  for (const line of ts) {
    const [, typeAndOffsets, shown] = line.split('\t');
    const fragments = typeAndOffsets.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
    const pieces = fragments.map(([s, e]) => cp(TEXT, s, e));
    for (const p of pieces) assert.ok(!/[\r\n]/.test(p), `no line break in a brat fragment: ${line}`);
    assert.equal(pieces.join(' '), shown, line);
    split ||= fragments.length > 1;
  }
  assert.ok(split, 'the quote over two paragraphs is a discontinuous brat span');

  const csvQuotes = await download(page, 'csv-quotes');
  assert.equal(csvQuotes.label, 'Export CSV quotes');
  assert.equal(csvQuotes.name, 'vote-goes-ahead.quotes.csv');
  assert.deepEqual([...csvQuotes.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
  const [qHeader, ...qRows] = parseCsv(csvQuotes.bytes.toString('utf8').slice(1));
  assert.equal(qRows.length, quotes.length);
  const col = (name) => qHeader.indexOf(name);
  for (const r of qRows) assert.equal(r[col('quote')], cp(TEXT, Number(r[col('start')]), Number(r[col('end')])));

  const csvNames = await download(page, 'csv-names');
  const [nHeader, ...nRows] = parseCsv(csvNames.bytes.toString('utf8').slice(1));
  assert.deepEqual(nHeader, ['document', 'entity_id', 'canonical', 'label', 'mentions', 'forms', 'quotes']);
  assert.equal(nRows.reduce((n, r) => n + Number(r[4]), 0), entities.length, 'every mention counted once');

  for (const [d, args] of [
    [json, []],
    [w3c, ['--format', 'w3c']],
    [brat, ['--format', 'brat']],
    [csvQuotes, ['--format', 'csv', '--table', 'quotes']],
    [csvNames, ['--format', 'csv', '--table', 'names']],
  ]) {
    const out = cli(args);
    if (out) assert.ok(out.equals(d.bytes), `${d.name} equals newsmark annotate ${args.join(' ')}`);
  }
  assert.deepEqual(session.problems(), [], 'console errors/warnings, dialogs or foreign requests');
  await session.context.close();
});
