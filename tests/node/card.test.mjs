// The page's card and totals without a browser: www/card.js and www/aggregates.js are plain modules;
// a few lines of DOM stand-in (below) are all they touch. What is checked is what the card says.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';

/** Just enough of a DOM for el(): elements with children, classes, data-* and attributes; text nodes. */
class FakeNode {
  constructor(tag, text = '') {
    this.tagName = tag;
    this.text = text;
    this.childNodes = [];
    this.className = '';
    this.dataset = {};
    this.attributes = {};
  }
  append(...nodes) {
    for (const n of nodes) this.childNodes.push(typeof n === 'string' ? new FakeNode('#text', n) : n);
  }
  replaceChildren(...nodes) {
    this.childNodes = [];
    this.append(...nodes);
  }
  setAttribute(name, value) {
    this.attributes[name] = String(value);
  }
  addEventListener() {}
  get textContent() {
    return this.tagName === '#text' ? this.text : this.childNodes.map((n) => n.textContent).join('');
  }
  /** Elements under this one (depth first) whose className includes `cls`. */
  byClass(cls) {
    const out = [];
    for (const n of this.childNodes) {
      if (n.className.split(' ').includes(cls)) out.push(n);
      out.push(...n.byClass(cls));
    }
    return out;
  }
}

let fillCard;
let accessibleName;
let accessibleDescription;
let aggregate;
before(async () => {
  globalThis.document = {
    createElement: (tag) => new FakeNode(tag.toUpperCase()),
    createTextNode: (text) => new FakeNode('#text', text),
  };
  ({ fillCard, accessibleName, accessibleDescription } = await import('../../www/card.js'));
  ({ aggregate } = await import('../../www/aggregates.js'));
});

const TEXT = '“We are ready,” said Pieter Claes. “Not forever,” he said. Claes left. A “so-called” deal.';

/** An annotation of `sub` (its `nth` occurrence) in TEXT with `fields`. */
function ann(id, type, sub, fields, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(sub, i + 1);
  assert.ok(i >= 0, `${sub} in the text`);
  return { type, id, start_utf16: i, end_utf16: i + sub.length, text: sub, ...fields };
}

const ANNOTATIONS = [
  ann('q1', 'quote', '“We are ready,”', { kind: 'speech', speaker: 'Pieter Claes', speaker_id: 'ent1', cue: 'said', rule: 'quote/after-adjacent' }),
  ann('e1', 'entity', 'Pieter Claes', { label: 'PERSON', entity_id: 'ent1', canonical: 'Pieter Claes', reason: 'lexicon', confidence: null }),
  ann('q2', 'quote', '“Not forever,”', { kind: 'speech', speaker: 'Pieter Claes', speaker_id: 'ent1', cue: 'said' }),
  ann('e2', 'entity', 'Claes', { label: 'PERSON', entity_id: 'ent1', canonical: 'Pieter Claes', reason: 'same name', confidence: null, rule: 'entity/coreference' }, 1),
  ann('q3', 'quote', '“so-called”', { kind: 'scare', speaker: null, speaker_id: null, cue: null }),
];

function cardFor(id, annotations = ANNOTATIONS) {
  const doc = { text: TEXT, exp: { document_date: null, annotations }, ...aggregate(annotations) };
  const card = document.createElement('div');
  fillCard(card, doc.byId.get(id), doc);
  return card;
}

test('the card shows the rule id as its own quiet line when the annotation has one', () => {
  const quote = cardFor('q1');
  const lines = quote.byClass('card-rule');
  assert.equal(lines.length, 1, 'one rule line');
  assert.equal(lines[0].textContent, 'rule: quote/after-adjacent');
  assert.equal(quote.childNodes.at(-1), lines[0], 'after the facts, at the end of the card');
  assert.equal(cardFor('e2').byClass('card-rule')[0].textContent, 'rule: entity/coreference');
});

test('no rule line at all when the annotation has no rule (exports before rule ids)', () => {
  for (const id of ['q2', 'e1', 'q3']) {
    const card = cardFor(id);
    assert.deepEqual(card.byClass('card-rule'), [], id);
    assert.doesNotMatch(card.textContent, /rule:/, id);
  }
});

test('the card reads its counts from the totals: mentions, times quoted, words', () => {
  const entity = cardFor('e1').textContent;
  assert.match(entity, /Mentions2 in this article/);
  assert.match(entity, /Quoted2 times/, 'the scare quote is not counted as speech');
  assert.match(cardFor('q1').textContent, /SpeakerPieter Claes.*Cuesaid.*Words3/s);
  const doc = { text: TEXT, ...aggregate(ANNOTATIONS) };
  assert.equal(accessibleName(doc.byId.get('q1'), doc), 'Quote by Pieter Claes, 3 words');
});

test('totals: one pass gives the legend counts, who is quoted and names by type', () => {
  const totals = aggregate(ANNOTATIONS);
  assert.equal(totals.categories.person, 2);
  assert.equal(totals.categories.quote, 3);
  assert.equal(totals.speakers.scare, 1);
  assert.deepEqual(
    totals.speakers.list.map((s) => [s.name, s.quotes, s.words]),
    [['Pieter Claes', ['q1', 'q2'], 5]],
  );
  assert.deepEqual(totals.entityGroups, [
    { label: 'PERSON', entities: [{ id: 'ent1', name: 'Pieter Claes', mentions: ['e1', 'e2'] }] },
  ]);
  const empty = aggregate([]);
  assert.equal(empty.speakers.list.length, 0);
  assert.equal(empty.entityGroups.length, 0);
});

test('a mark\'s accessible description reads the card\'s facts as sentences', () => {
  const doc = { text: TEXT, exp: { document_date: null, annotations: ANNOTATIONS }, ...aggregate(ANNOTATIONS) };
  assert.equal(
    accessibleDescription(doc.byId.get('e1'), doc),
    'Name: Pieter Claes. Mentions: 2 in this article. Quoted: 2 times. Why: lexicon.',
  );
  assert.equal(accessibleDescription(doc.byId.get('q1'), doc), 'Speaker: Pieter Claes. Cue: said. Words: 3.');
  const date = { type: 'date', id: 'd1', text: 'Monday', label: 'DATE', value: '2024-03-11', anchor: 'document_date', reason: 'past tense: said' };
  const dated = { ...doc, exp: { document_date: { value: '2024-03-14', source: 'given' } } };
  assert.equal(
    accessibleDescription(date, dated),
    'Value: Monday 11 March 2024, 2024-03-11. Resolved against: article date, Thursday 14 March 2024 (set by you). Why: past tense: said.',
  );
});

test('reported speech: its own legend count, "Reported speech" on the card, counted apart per source', () => {
  const reported = ann('q4', 'quote', 'Claes left', { kind: 'reported', speaker: 'Pieter Claes', speaker_id: 'ent1', cue: 'said' });
  const annotations = [...ANNOTATIONS, reported];
  const totals = aggregate(annotations);
  assert.equal(totals.categories.quote, 3, 'quotes in marks');
  assert.equal(totals.categories.reported, 1);
  const [claes] = totals.speakers.list;
  assert.deepEqual([claes.name, claes.quotes, claes.reported], ['Pieter Claes', ['q1', 'q2', 'q4'], 1]);
  const card = cardFor('q4', annotations);
  assert.match(card.textContent, /^Reported speech/);
  assert.match(card.textContent, /SpeakerPieter Claes.*Cuesaid/s);
  const doc = { text: TEXT, ...totals };
  assert.equal(accessibleName(reported, doc), 'Reported speech by Pieter Claes, 2 words');
});

test('speaker gender: the card says it and how it was read; the summary counts sources, direct share and named genders', () => {
  const gendered = ANNOTATIONS.map((a) =>
    a.id === 'q1' || a.id === 'q2' ? { ...a, speaker_gender: 'male', speaker_gender_basis: 'given-name' } : a,
  );
  const reported = ann('q4', 'quote', 'Claes left', {
    kind: 'reported',
    speaker: 'a spokeswoman',
    speaker_id: null,
    cue: 'said',
    speaker_gender: 'unknown',
    speaker_gender_basis: 'none',
  });
  const annotations = [...gendered, reported];
  assert.match(cardFor('q1', annotations).textContent, /Speaker gendermale \(from the usual gender of the given name\)/);
  assert.match(cardFor('q4', annotations).textContent, /Speaker genderunknown \(the text does not say\)/);
  const { summary } = aggregate(annotations).speakers;
  // Two sources, three quotes of which one reported; only Claes is a named source.
  assert.deepEqual(summary, { sources: 2, quotes: 3, direct: 2, gender: { female: 0, male: 1, unknown: 0 } });
});
