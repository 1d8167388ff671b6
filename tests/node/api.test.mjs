// The JavaScript API of the wasm module (nodejs build in pkg-node/, made by scripts/build-web.sh):
// what a page or a node script calling newsmark would see.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const newsmark = require(path.join(root, 'pkg-node/newsmark.js'));

const TEXT = '“We will meet on 2018-02-20,” Mike Pence said. 👨🏻‍🚒 Zoë waved.';

test('annotate works with undefined, null and a document date', () => {
  for (const options of [undefined, null, {}, { document_date: '2018-02-21' }]) {
    const out = newsmark.annotate(TEXT, options);
    assert.equal(out.schema, 'newsmark/1');
    assert.equal(out.text, TEXT);
    assert.ok(Array.isArray(out.annotations) && out.annotations.length > 0);
    for (const a of out.annotations) {
      assert.equal(TEXT.slice(a.start_utf16, a.end_utf16), a.text, `${a.id} slices back in UTF-16`);
      assert.equal([...TEXT].slice(a.start, a.end).join(''), a.text, `${a.id} slices back in code points`);
    }
  }
  const given = newsmark.annotate(TEXT, { document_date: '2018-02-21' });
  assert.deepEqual(given.document_date, {
    value: '2018-02-21', source: 'given', start: null, end: null, start_utf16: null, end_utf16: null,
  });
});

test('bad options are JS Errors that say what to do', () => {
  assert.throws(() => newsmark.annotate(TEXT, { document_date: '21/02/2018' }),
    (e) => e instanceof Error && /YYYY-MM-DD/.test(e.message));
  assert.throws(() => newsmark.annotate(TEXT, { document_date: '2018-02-30' }),
    (e) => e instanceof Error && /not a calendar day/.test(e.message));
  assert.throws(() => newsmark.annotate(TEXT, { documentDate: '2018-02-21' }),
    (e) => e instanceof Error && /bad options/.test(e.message));
  assert.throws(() => newsmark.annotate(TEXT, 42), (e) => e instanceof Error);
  assert.throws(() => newsmark.annotate(TEXT, { layers: ['dates', 'people'] }),
    (e) => e instanceof Error && /unknown layer "people"/.test(e.message));
});

test('layers: dates alone report only dates', () => {
  const out = newsmark.annotate(TEXT, { document_date: '2018-02-21', layers: ['dates'] });
  assert.ok(out.annotations.length > 0);
  assert.deepEqual([...new Set(out.annotations.map((a) => a.type))], ['date']);
});

test('annotateJson is byte-identical to the CLI output for the same text and date', () => {
  const bin = path.join(root, 'target/debug/newsmark');
  const cli = execFileSync(bin, ['annotate', '--date', '2018-02-21'], { input: TEXT }).toString('utf8');
  assert.equal(newsmark.annotateJson(TEXT, { document_date: '2018-02-21' }) + '\n', cli);
  assert.deepEqual(JSON.parse(cli), newsmark.annotate(TEXT, { document_date: '2018-02-21' }));
});

test('the Annotator class gives the same result as the free function', () => {
  const a = new newsmark.Annotator();
  assert.deepEqual(a.annotate(TEXT, undefined), newsmark.annotate(TEXT, undefined));
});

test('document dates outside one range are refused with the same message as the CLI', () => {
  for (const d of ['0500-01-01', '0999-12-31', '9999-12-31']) {
    assert.throws(() => newsmark.annotate(TEXT, { document_date: d }),
      (e) => e instanceof Error && /from 1000-01-01 to 9998-12-31/.test(e.message), d);
  }
  for (const d of ['1000-01-01', '9998-12-31']) {
    const out = newsmark.annotate('It happened last year.', { document_date: d });
    for (const a of out.annotations.filter((x) => x.type === 'date')) {
      assert.match(a.value, /^\d{4}/, `${d}: ${a.text} → ${a.value} stays ISO 8601`);
    }
  }
});

test('the JSON text is safe to embed in HTML and parses back to the same text', () => {
  const text = 'He wrote "</script><script>alert(1)</script>" and\u2028then\u2029this.';
  const json = newsmark.annotateJson(text, undefined);
  assert.ok(!json.includes('</'), 'no </ in the JSON text');
  assert.ok(!json.includes('\u2028') && !json.includes('\u2029'), 'no raw line separators');
  assert.equal(JSON.parse(json).text, text);
});

test('exportW3c, exportBrat and exportCsv give the CLI --format bytes for the same export', () => {
  const bin = path.join(root, 'target/debug/newsmark');
  const text = '“We will not back down.\n\n“The vote will go ahead 👨🏻‍🚒 as planned,” said Zoe\u0301 Adams. She added: “Nothing has changed.”';
  const json = newsmark.annotateJson(text, { document_date: '2018-02-21' });
  const cli = (...args) => execFileSync(bin, ['annotate', '--date', '2018-02-21', ...args], { input: text }).toString('utf8');
  assert.equal(newsmark.exportW3c(json, null) + '\n', cli('--format', 'w3c'));
  assert.equal(newsmark.exportW3c(json, 'https://example.org/a') + '\n', cli('--format', 'w3c', '--source', 'https://example.org/a'));
  assert.equal(newsmark.exportBrat(json), cli('--format', 'brat'));
  assert.equal(newsmark.exportCsv(json, 'quotes'), cli('--format', 'csv', '--table', 'quotes'));
  assert.equal(newsmark.exportCsv(json, 'names'), cli('--format', 'csv', '--table', 'names'));
});

test('the converters refuse what is not a newsmark/1 export, an unknown table and a bad source', () => {
  const json = newsmark.annotateJson(TEXT, null);
  assert.throws(() => newsmark.exportBrat('{"schema": "other"}'), (e) => e instanceof Error && /not a newsmark\/1 export/.test(e.message));
  assert.throws(() => newsmark.exportCsv('not json', 'quotes'), (e) => e instanceof Error && /not a newsmark\/1 export/.test(e.message));
  assert.throws(() => newsmark.exportCsv(json, 'people'), (e) => e instanceof Error && /quotes and names/.test(e.message));
  assert.throws(() => newsmark.exportW3c(json, 'article.txt'), (e) => e instanceof Error && /absolute IRI/.test(e.message));
});
