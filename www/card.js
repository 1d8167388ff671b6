// The details card shown on hover and on keyboard focus (role="tooltip"). Built with text nodes.
// Counts come from the result's aggregates (aggregates.js), never recounted here.
import { el } from './dom.js';
import { LABEL_WORDS, countWords, dayInWords, shorten } from './words.js';

const SEP = ' · ';
/** A value shown as code in the card (a TIMEX3 value); plain text in the spoken description. */
const code = (text) => ({ code: text });

/** Words in quote `a`: counted once per result in the aggregates. */
function wordsOf(a, doc) {
  return doc?.words?.get(a.id) ?? countWords(a.text);
}

function documentDateWords(doc) {
  const d = doc.exp.document_date;
  if (!d) return 'the article date (unknown)';
  const where =
    d.source === 'given'
      ? 'set by you'
      : `from the text: “${shorten(doc.text.slice(d.start_utf16, d.end_utf16), 40)}”`;
  return `article date, ${dayInWords(d.value)} (${where})`;
}

function anchorWords(doc, anchor) {
  if (!anchor) return null;
  if (anchor === 'document_date') return documentDateWords(doc);
  const other = doc.byId.get(anchor);
  if (!other) return anchor;
  return `“${shorten(other.text, 40)}”${other.value ? ` (${other.value})` : ''}`;
}

const QUOTE_WORDS = { scare: 'Scare quote (not counted as speech)', reported: 'Reported speech' };

function typeWords(a) {
  if (a.type === 'quote') return QUOTE_WORDS[a.kind] || 'Quote';
  return LABEL_WORDS[a.label] || a.label || a.type;
}

/**
 * What is known about annotation `a`, as [term, ...values] rows (empty values dropped): the card
 * shows them as a list, the mark's accessible description reads them out, so the two never differ.
 */
function facts(a, doc) {
  const rows = [];
  const row = (term, ...values) => {
    const shown = values.filter((v) => v != null && v !== '');
    if (shown.length) rows.push([term, ...shown]);
  };
  if (a.type === 'entity') {
    const mentions = doc.mentions.get(a.entity_id) || 1;
    row('Name', shorten(a.canonical || a.text, 80));
    row('Mentions', `${mentions} in this article`);
    const quoted = doc.quotesBySpeaker.get(a.entity_id);
    if (quoted) row('Quoted', `${quoted} time${quoted === 1 ? '' : 's'}`);
    const confidence = typeof a.confidence === 'number' ? ` (confidence ${Math.round(a.confidence * 100)}%)` : '';
    row('Why', a.reason ? `${shorten(a.reason, 160)}${confidence}` : null);
  } else if (a.type === 'date') {
    if (a.value == null) row('Value', 'could not be resolved');
    else row('Value', a.gloss || dayInWords(a.value), SEP, code(a.value));
    row('Resolved against', anchorWords(doc, a.anchor));
    row('Why', a.reason && shorten(a.reason, 160));
  } else if (a.type === 'quote') {
    if (a.speaker) {
      const mention =
        a.speaker_start_utf16 != null ? doc.text.slice(a.speaker_start_utf16, a.speaker_end_utf16) : null;
      row('Speaker', shorten(a.speaker, 80), mention && mention !== a.speaker ? ` (as “${shorten(mention, 40)}”)` : null);
      row('Speaker gender', genderWords(a));
    } else row('Speaker', a.kind === 'scare' ? null : 'not attributed');
    row('Cue', a.cue && shorten(a.cue, 60));
    row('Words', String(wordsOf(a, doc)));
  }
  return rows;
}

// How the speaker's gender was read from the text (docs/format.md), said plainly.
const GENDER_BASIS = {
  pronoun: 'from “he”/“she” in an attribution',
  title: 'from a title such as Mr or Ms',
  'given-name': 'from the usual gender of the given name',
};

function genderWords(a) {
  if (!a.speaker_gender) return null;
  if (a.speaker_gender === 'unknown') return 'unknown (the text does not say)';
  return `${a.speaker_gender} (${GENDER_BASIS[a.speaker_gender_basis] || 'from the text'})`;
}

/** Fills `card` with what is known about annotation `a`; `doc` is {text, exp, ...aggregates}. */
export function fillCard(card, a, doc) {
  const head = el(
    'p',
    { class: 'card-head' },
    el('span', { class: `chip chip-${a.type}` }, typeWords(a)),
    a.label && (a.type === 'date' || a.type === 'entity') && el('span', { class: 'card-label' }, a.label),
  );
  // A quote's text carries its own marks; names and dates get them here.
  const shown = a.type === 'quote' ? shorten(a.text, 160) : `“${shorten(a.text, 80)}”`;
  const dl = el('dl');
  for (const [term, ...values] of facts(a, doc)) {
    dl.append(el('dt', null, term), el('dd', null, ...values.map((v) => (typeof v === 'string' ? v : el('code', null, v.code)))));
  }
  card.replaceChildren(head, el('p', { class: 'card-text' }, shown), dl);
  // Which recogniser rule made the mark, for whoever wants to report or change it. Older exports
  // have no rule id: then there is no line at all rather than an empty one.
  if (typeof a.rule === 'string' && a.rule !== '') card.append(el('p', { class: 'card-rule' }, `rule: ${shorten(a.rule, 60)}`));
}

/** An accessible name for a mark: "Quote by Nick Ayers, 24 words", "Person: Mike Pence". */
export function accessibleName(a, doc) {
  if (a.type === 'quote') {
    const by = a.speaker ? ` by ${shorten(a.speaker, 60)}` : '';
    const kind = { scare: 'Scare quote', reported: 'Reported speech' }[a.kind] || 'Quote';
    return `${kind}${by}, ${wordsOf(a, doc)} words`;
  }
  if (a.type === 'date') return `${LABEL_WORDS[a.label] || 'Date'}: ${shorten(a.text, 60)}${a.value ? `, ${a.value}` : ''}`;
  return `${LABEL_WORDS[a.label] || 'Name'}: ${shorten(a.canonical || a.text, 60)}`;
}

/**
 * The mark's accessible description when its card is closed: the card's facts as one sentence,
 * "Value: Tuesday 12 March 2024, 2024-03-12. Resolved against: article date, …".
 */
export function accessibleDescription(a, doc) {
  return facts(a, doc)
    .map(([term, ...values]) => `${term}: ${values.map((v) => (typeof v === 'string' ? v : v.code)).join('').replace(SEP, ', ')}.`)
    .join(' ');
}

/**
 * Places the card next to `target` without covering it: below its last line, or above its first
 * line when there is no room below; kept inside the window horizontally.
 */
export function placeCard(card, target) {
  const rects = target.getClientRects();
  if (!rects.length) return;
  const first = rects[0];
  const last = rects[rects.length - 1];
  card.style.left = '0px';
  card.style.top = '0px';
  const { width, height } = card.getBoundingClientRect();
  const gap = 6;
  let top = last.bottom + gap;
  if (top + height > window.innerHeight && first.top - gap - height >= 0) top = first.top - gap - height;
  const left = Math.max(8, Math.min(last.left, window.innerWidth - width - 8));
  card.style.left = `${Math.round(left)}px`;
  card.style.top = `${Math.round(top)}px`;
}
