// How the page reads an opened or dropped file (www/decode.js) and when a typed article date still
// belongs to the text (www/same-article.js): plain modules, checked without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeText, looksBinary } from '../../www/decode.js';
import { sameArticle } from '../../www/same-article.js';

const TEXT = 'PARIS – François Hollande met Amélie Poulain in Orléans on Monday, “at 5 €”.';

test('UTF-8 is read as UTF-8, and a UTF-8 byte order mark is dropped', () => {
  assert.deepEqual(decodeText(Buffer.from(TEXT)), { text: TEXT, encoding: 'UTF-8' });
  const bom = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
  assert.equal(bom.text, TEXT);
  assert.match(bom.encoding, /^UTF-8, from its byte order mark/);
});

test('UTF-16 in either byte order is read by its byte order mark (its NULs are not binary)', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
  assert.deepEqual(decodeText(le), { text: TEXT, encoding: 'UTF-16LE, from its byte order mark' });
  const be = Buffer.from(le);
  be.swap16();
  assert.deepEqual(decodeText(be), { text: TEXT, encoding: 'UTF-16BE, from its byte order mark' });
});

test('text that is not UTF-8 is read as windows-1252: accents, curly quotes, euro sign', () => {
  const cp1252 = { '–': 0x96, '“': 0x93, '”': 0x94, '€': 0x80 };
  const bytes = Buffer.from([...TEXT].map((c) => cp1252[c] ?? c.charCodeAt(0)));
  const out = decodeText(bytes);
  assert.equal(out.text, TEXT);
  assert.match(out.encoding, /^windows-1252/);
});

test('binary files are refused; a stray control character in a long text is not', () => {
  const png = Buffer.alloc(4096);
  Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').copy(png);
  for (let i = 16; i < png.length; i++) png[i] = (i * 31) % 256;
  assert.ok(looksBinary(png));
  assert.match(decodeText(png).error, /not a text file/);
  assert.match(decodeText(Buffer.from('%PDF-1.7\n\u0000\u0001\u0002\u0003\u0004\u0005 stream')).error, /not a text file/);
  const long = `${TEXT.repeat(50)}\u0000 NUL and \u0007 BEL from a CMS ${TEXT.repeat(50)}`;
  assert.equal(decodeText(Buffer.from(long)).text, long);
  const breaks = 'tab\there\r\nvertical\u000btab\u000cform feed \u001b[1mESC';
  assert.equal(decodeText(Buffer.from(breaks)).text, breaks);
  assert.equal(decodeText(Buffer.alloc(0)).text, '', 'an empty file is an empty text');
});

test('a typed date follows edits of its article, not a new article', () => {
  const article = `Port strike halts grain exports\n\n${'Dock workers walked off the job. '.repeat(20)}`;
  assert.ok(sameArticle(article, `${article} One more sentence.`), 'appended');
  assert.ok(sameArticle(article, article.replace('Dock', 'Harbour')), 'a word changed');
  assert.ok(sameArticle(article, article.slice(0, article.length - 100)), 'the end trimmed');
  assert.ok(sameArticle('', article), 'a date set before any text goes with the text that comes');
  assert.ok(!sameArticle(article, 'Floods close the Rhine to barges. Barge traffic stopped yesterday.'), 'another article');
  assert.ok(!sameArticle(article, ''), 'the text cleared');
  assert.ok(!sameArticle(article, `Floods close the Rhine.\n\n${'Barges stopped. '.repeat(40)}`), 'another article of similar length');
});
