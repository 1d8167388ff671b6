// The details card shown on hover and on keyboard focus (role="tooltip"). Built with text nodes.
// Counts come from the result's aggregates (aggregates.js), never recounted here.
import { el } from './dom.js';
import { LABEL_WORDS, countWords, dayInWords, shorten } from './words.js';

function row(dl, term, ...values) {
  const shown = values.filter((v) => v != null && v !== '');
  if (!shown.length) return;
  dl.append(el('dt', null, term), el('dd', null, ...shown));
}

const code = (text) => el('code', null, text);
const SEP = ' · ';

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
  if (a.type === 'entity') {
    const mentions = doc.mentions.get(a.entity_id) || 1;
    row(dl, 'Name', shorten(a.canonical, 80));
    row(dl, 'Mentions', `${mentions} in this article`);
    const quoted = doc.quotesBySpeaker.get(a.entity_id);
    if (quoted) row(dl, 'Quoted', `${quoted} time${quoted === 1 ? '' : 's'}`);
    const confidence = typeof a.confidence === 'number' ? ` (confidence ${Math.round(a.confidence * 100)}%)` : '';
    row(dl, 'Why', a.reason ? `${shorten(a.reason, 160)}${confidence}` : null);
  } else if (a.type === 'date') {
    if (a.value == null) row(dl, 'Value', 'could not be resolved');
    else row(dl, 'Value', a.gloss || dayInWords(a.value), SEP, code(a.value));
    row(dl, 'Resolved against', anchorWords(doc, a.anchor));
    row(dl, 'Why', a.reason && shorten(a.reason, 160));
  } else if (a.type === 'quote') {
    if (a.speaker) {
      const mention =
        a.speaker_start_utf16 != null ? doc.text.slice(a.speaker_start_utf16, a.speaker_end_utf16) : null;
      row(dl, 'Speaker', shorten(a.speaker, 80), mention && mention !== a.speaker ? ` (as “${shorten(mention, 40)}”)` : null);
    } else row(dl, 'Speaker', a.kind === 'scare' ? null : 'not attributed');
    row(dl, 'Cue', a.cue && shorten(a.cue, 60));
    row(dl, 'Words', String(wordsOf(a, doc)));
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
