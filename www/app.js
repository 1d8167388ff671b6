// newsmark page: wires the text box, the annotator (worker-client.js), the reading view, the card
// and the panel. All user text reaches the DOM through text nodes (dom.js).
import { render, spansOf, layoutSignature } from './render.js';
import { fillCard, placeCard, accessibleName, accessibleDescription } from './card.js';
import { buildLegend, renderSpeakers, renderEntities } from './panel.js';
import { aggregate } from './aggregates.js';
import { createAnnotator } from './worker-client.js';
import { el } from './dom.js';
import { saveExport, wireExportMenu } from './export-menu.js';
import { categoryOf, countWords, shorten } from './words.js';
import { decodeText } from './decode.js';
import { showBidi } from './bidi.js';
import { createNotices } from './notices.js';
import { sameArticle } from './same-article.js';
import * as store from './store.js';

/** Above this (UTF-16 units, about 800,000 words) the browser would struggle to show the marks. */
const MAX_CHARS = 5_000_000;
const DEBOUNCE_MS = 250;

const $ = (id) => document.getElementById(id);
const ui = {
  root: document.documentElement,
  input: $('input'),
  view: $('view'),
  viewEmpty: $('view-empty'),
  card: $('card'),
  status: $('status'),
  announce: $('announce'),
  alert: $('alert'),
  stale: $('view-stale'),
  exportButton: $('export'),
  exportFormat: $('export-format'),
  date: $('docdate'),
  dateSource: $('docdate-source'),
  dateReset: $('docdate-reset'),
  dateError: $('docdate-error'),
  modeEdit: $('mode-edit'),
  modeRead: $('mode-read'),
  sample: $('sample'),
  file: $('file'),
  draftNote: $('draft-note'),
  progress: $('progress'),
  progressBar: $('progress-bar'),
  legend: $('legend'),
  speakers: $('speakers'),
  speakersNote: $('speakers-note'),
  entities: $('entity-groups'),
};

/** Everything the page remembers between events. Nothing else holds mutable page state. */
const state = {
  /** The text in the box: what is shown, annotated, kept across reloads and exported. */
  text: '',
  /** "YYYY-MM-DD" set by the user, or null: the document date is detected from the text. */
  override: null,
  /** The text `override` was typed for (followed through small edits): another article drops it. */
  overrideFor: '',
  /** The newest differing draft another tab saved ({text, date}), offered in a note. */
  otherDraft: null,
  /** "edit" (the text box) or "read" (the annotated view). */
  mode: 'edit',
  /** The annotator cannot run (no wasm, no worker): the page says so and stops asking. */
  fatal: false,
  /** Timer of a send() waiting for typing to pause, or 0. */
  debounce: 0,
  /** The result shown: {seq, text, date, exp, json, ms, words}, or null (empty text). */
  result: null,
  /** What the card and panel read: {text, exp, ...aggregate(annotations)} of `result`, or null. */
  doc: null,
  /** layoutSignature() of what is drawn: an equal one means no redraw (e.g. only values changed). */
  signature: '',
  /** The text drawn in the reading view (with or without marks). */
  drawnText: '',
  /** The render in progress ({done, cancel}), or null. */
  job: null,
  /** Drawn elements: byId (annotation id → its mark parts), speakers (quote id → speaker mentions). */
  index: null,
  /** Legend categories switched off. */
  hidden: new Set(),
  /** The open card stays put until Esc or a click elsewhere. */
  pinned: false,
  /** The mark whose card is open, or null. */
  current: null,
  /** [element, class] pairs highlighted along with the open card. */
  lit: [],
  /** {key, i}: the speaker or entity whose mentions are being stepped through, and where. */
  pick: null,
  /** Export was asked for: download once the result for the current text and date is in. */
  wantExport: false,
  /** Timer closing the card shortly after the pointer left its mark, or 0. */
  closeTimer: 0,
  /** Files or the sample being read: the page counts as busy meanwhile. */
  reading: 0,
  /** The last paste replaced the whole box: the input event it causes opens the reading view. */
  pasted: false,
};

// ---------------------------------------------------------------- messages and state

function showAlert(message, kind = 'error') {
  ui.alert.replaceChildren(message);
  ui.alert.dataset.kind = kind;
  ui.alert.hidden = false;
}

function clearAlert(kind) {
  if (!ui.alert.hidden && (!kind || ui.alert.dataset.kind === kind)) ui.alert.hidden = true;
}

function setStatus(text) {
  ui.status.textContent = text;
}

/** html[data-state]: loading | busy | idle | error, and html[data-phase] while busy; the tests read them. */
function updateState() {
  let s = 'idle';
  if (state.fatal) s = 'error';
  else if (!annotator.ready) s = 'loading';
  else if (state.debounce || annotator.busy || state.job || state.reading) s = 'busy';
  ui.root.dataset.state = s;
  ui.root.dataset.phase = annotator.busy ? 'annotating' : state.job ? 'drawing' : state.debounce ? 'waiting' : '';
  ui.exportButton.disabled = state.fatal || !annotator.ready || state.text === '' || state.text.length > MAX_CHARS;
}

// ---------------------------------------------------------------- the annotator

const notices = createNotices($('notices'));

/** Tells screen readers one thing (the visible status line changes too often to be live). */
function announce(text) {
  ui.announce.textContent = text;
}

const annotator = createAnnotator({
  onReady(ms) {
    ui.root.dataset.loadMs = String(Math.round(ms));
    setStatus(annotator.busy ? 'Annotating…' : 'Ready');
  },
  onUnavailable: fail,
  onChange: updateState,
});

function fail(reason) {
  state.fatal = true;
  showAlert(
    `newsmark cannot annotate right now: ${reason}. Your text is safe: it is kept in this browser. ` +
      'Reload the page to try again. If you host newsmark yourself, build it first (scripts/build-web.sh writes www/pkg/).',
    'fatal',
  );
  showUnannotated('the annotator is unavailable');
  setStatus('Annotator unavailable');
  updateState();
}

/** Annotates the current text and date (or says why not); the newest call wins. */
function send() {
  clearTimeout(state.debounce);
  state.debounce = 0;
  tieDate();
  saveDraft();
  if (state.fatal) return updateState();
  if (state.text.length > MAX_CHARS) {
    state.wantExport = false;
    showAlert(
      `This text is too large for the browser: ${(state.text.length / 1e6).toFixed(1)} million characters, ` +
        `more than the ${MAX_CHARS / 1e6} million newsmark shows at once. Split it into parts, or annotate it ` +
        'with the command-line tool (newsmark annotate FILE).',
      'annotate',
    );
    // The marks on screen belong to the previous text: take them away rather than pass them off as current.
    showUnannotated('this text is too large to show here (it is kept under Edit)', { drawText: false });
    setStatus('Text too large');
    return updateState();
  }
  if (state.text === '') {
    apply(null);
    return updateState();
  }
  annotator.annotate(state.text, state.override).then(received, refused);
  if (annotator.ready) setStatus('Annotating…');
  updateState();
}

function received(result) {
  // Typed on meanwhile: the newer text has its own request coming (now or after the debounce).
  if (result.text !== state.text || result.date !== state.override) return;
  clearAlert('annotate');
  showDateError(null);
  apply(result);
  updateState();
}

function refused(error) {
  // "stale": a newer request replaced it; "unavailable": fail() has said so already.
  if (error.kind === 'stale' || error.kind === 'unavailable') return;
  if (error.kind === 'options') {
    // The only option the page sets is the date: the annotator's own message says which dates work.
    showDateError(error.message);
    showUnannotated('the article date is not one newsmark can use (see the date field)');
  } else {
    showAlert(
      error.kind === 'timeout'
        ? 'Annotating this text took too long, so it was stopped. Please report it with the text.'
        : `This text could not be annotated: ${error.message}`,
      'annotate',
    );
    showUnannotated(error.kind === 'timeout' ? 'annotating took too long' : 'the annotator failed on this text');
  }
  setStatus('Not annotated');
  updateState();
}

function schedule() {
  clearTimeout(state.debounce);
  state.debounce = setTimeout(send, DEBOUNCE_MS);
  updateState();
}

// ---------------------------------------------------------------- applying a result

/**
 * Shows the current text without marks (or no text, when it is too large to draw) and says why: the
 * marks of an earlier text or date are never left on screen as if they were current.
 */
function showUnannotated(reason, { drawText = true } = {}) {
  apply(null, drawText ? state.text : '');
  ui.stale.textContent = `Not annotated: ${reason}.`;
  ui.stale.hidden = state.text === '';
}

/** Shows `result` (null: no marks, with `plain` as the text shown). */
function apply(result, plain = '') {
  state.result = result;
  ui.stale.hidden = true;
  const anns = result ? result.exp.annotations : [];
  // Counted once here; the card, the panel and the status line all read these.
  const totals = aggregate(anns);
  state.doc = result ? { text: result.text, exp: result.exp, ...totals } : null;
  showDocumentDate(result);
  updateLegend(totals.categories);
  renderSpeakers(ui.speakers, ui.speakersNote, totals.speakers, pickSpeaker);
  renderEntities(ui.entities, totals.entityGroups, pickEntity);
  if (state.current && !state.current.isConnected) closeCard();
  else if (state.current) openCard(state.current, state.pinned); // refresh values after a date change

  if (result) {
    ui.root.dataset.annotateMs = String(Math.round(result.ms));
    if (typeof result.words !== 'number') result.words = countWords(result.text);
    const { words } = result;
    setStatus(`${words.toLocaleString('en')} words · ${anns.length.toLocaleString('en')} marks · ${Math.round(result.ms)} ms`);
  } else setStatus(annotator.ready ? 'Ready' : 'Loading the annotator…');

  const text = result ? result.text : plain;
  const signature = `${result ? 'marks' : 'plain'}|${layoutSignature(text, anns)}`;
  ui.viewEmpty.hidden = state.mode !== 'read' || state.text !== '';
  // The text is compared too: the signature holds only its length (two texts of one length with
  // no marks have equal signatures, and the old one must not stay on screen).
  if (signature === state.signature && text === state.drawnText) {
    // Same marks (e.g. only the document date changed): the card reads state.doc on demand; the
    // marks' accessible names and descriptions hold values, so they are refreshed.
    if (result && state.index) describeMarks();
    if (result) announceResult();
    finishExport();
    return;
  }
  state.signature = signature;
  state.drawnText = text;
  drawView(text, anns);
}

async function drawView(text, anns) {
  state.job?.cancel();
  closeCard();
  const index = { byId: new Map(), speakers: new Map() };
  const push = (map, key, node) => {
    const list = map.get(key);
    if (list) list.push(node);
    else map.set(key, [node]);
  };
  index.add = (id, node) => push(index.byId, id, node);
  index.addSpeaker = (quotes, node) => {
    for (const q of quotes) push(index.speakers, q, node);
  };
  state.index = index;
  const t0 = performance.now();
  const job = render(ui.view, text, spansOf(text, anns), {
    index,
    decorate: describeMark,
    onProgress: (f) => {
      if (f < 1) {
        ui.progress.hidden = false;
        ui.progressBar.style.width = `${(f * 100).toFixed(1)}%`;
        setStatus(`Drawing the marks… ${Math.floor(f * 100)}%`);
      }
    },
  });
  state.job = job;
  updateState();
  const stats = await job.done;
  if (state.job !== job) return; // replaced by a newer render
  state.job = null;
  ui.progress.hidden = true;
  if (stats) {
    ui.root.dataset.renderMs = String(Math.round(performance.now() - t0));
    ui.view.dataset.marks = String(stats.marks);
    if (state.result) announceResult();
    if (state.result) {
      const words = state.result.words;
      setStatus(
        `${words.toLocaleString('en')} words · ${anns.length.toLocaleString('en')} marks · annotated in ${Math.round(state.result.ms)} ms, drawn in ${Math.round(performance.now() - t0)} ms`,
      );
    }
  }
  finishExport();
  updateState();
}

/** One message per annotation run for screen readers, once its marks are on screen. */
function announceResult() {
  const r = state.result;
  const n = r.exp.annotations.length;
  announce(`Annotated: ${r.words.toLocaleString('en')} words, ${n.toLocaleString('en')} mark${n === 1 ? '' : 's'}.`);
}

/**
 * Gives a mark its accessible name ("Place: Antwerp") and description (the card's facts). The
 * visible tags are CSS with empty alternative text, so they are not read into the name. A mark of
 * a type switched off in the legend is left out of the Tab order.
 */
function describeMark(mark, a) {
  mark.setAttribute('aria-label', accessibleName(a, state.doc));
  mark.setAttribute('aria-description', accessibleDescription(a, state.doc));
  mark.tabIndex = state.hidden.has(categoryOf(a)) ? -1 : 0;
}

/** Refreshes every mark's name and description (dates change value with the article date). */
function describeMarks() {
  for (const [id, parts] of state.index.byId) {
    const a = state.doc.byId.get(id);
    if (a && parts.length) describeMark(parts[0], a);
  }
}

// ---------------------------------------------------------------- document date

/**
 * A date typed by the user belongs to the text it was typed for: when the text becomes another
 * article (pasted, opened, or rewritten), the date is detected again and the page says so, with a
 * way to keep the typed one. Small edits carry the date along.
 */
function tieDate() {
  if (!state.override) return;
  if (sameArticle(state.overrideFor, state.text)) {
    state.overrideFor = state.text;
    return;
  }
  const old = state.override;
  const refused = !ui.dateError.hidden; // a date the annotator refused is not worth offering again
  state.override = null;
  state.overrideFor = '';
  showDateError(null);
  showDocumentDate(state.result);
  notices.show(
    'date',
    `New article: its date is found in the text again (${old} was set for the previous text).`,
    refused ? [] : [{ label: `Use ${old} for this text`, run: () => setOverride(old) }],
  );
}

/** Shows the annotator's message about the date next to the field (null: clears it). */
function showDateError(message) {
  ui.dateError.textContent = message ? message[0].toUpperCase() + message.slice(1) : '';
  ui.dateError.hidden = !message;
  if (message) ui.date.setAttribute('aria-invalid', 'true');
  else ui.date.removeAttribute('aria-invalid');
}

function showDocumentDate(result) {
  showDateSource(result);
  ui.dateSource.title = ui.dateSource.textContent; // the header may cut it short
}

function showDateSource(result) {
  const d = result && result.exp.document_date;
  if (state.override) {
    ui.date.value = state.override;
    ui.dateSource.textContent = 'set by you';
    ui.dateReset.hidden = false;
  } else {
    ui.dateReset.hidden = true;
    if (document.activeElement !== ui.date) ui.date.value = d ? d.value : '';
    if (d && d.start_utf16 != null) {
      ui.dateSource.textContent = `found in the text: “${shorten(result.text.slice(d.start_utf16, d.end_utf16), 40)}”`;
    } else if (result) {
      ui.dateSource.textContent = 'not in the text: set it to resolve “yesterday”, “last month”';
    } else ui.dateSource.textContent = 'not known yet';
  }
}

function setOverride(value) {
  state.override = value || null;
  state.overrideFor = state.text;
  notices.hide('date');
  showDateError(null);
  showDocumentDate(state.result);
  send();
}

// ---------------------------------------------------------------- export

function download() {
  // JSON is the CLI's bytes plus its newline; the other formats are the CLI's --format output.
  saveExport(state.result, ui.exportFormat.value).catch((e) => showAlert(`The export failed: ${e.message || e}`, 'export'));
}

function finishExport() {
  if (!state.wantExport) return;
  const r = state.result;
  if (r && r.text === state.text && r.date === state.override) {
    state.wantExport = false;
    download();
  }
}

function requestExport() {
  state.wantExport = true;
  const r = state.result;
  if (r && r.text === state.text && r.date === state.override) finishExport();
  else send();
}

// ---------------------------------------------------------------- views

function setMode(mode) {
  state.mode = mode;
  store.saveMode(mode);
  const read = mode === 'read';
  ui.input.hidden = read;
  ui.view.hidden = !read;
  ui.viewEmpty.hidden = !read || state.text !== '';
  ui.modeEdit.setAttribute('aria-pressed', String(!read));
  ui.modeRead.setAttribute('aria-pressed', String(read));
  if (!read) closeCard();
}

function setText(text, { mode } = {}) {
  state.text = text;
  ui.input.value = text;
  if (mode) setMode(mode);
  send();
}

function saveDraft() {
  const ok = store.saveDraft(state.text, state.override);
  ui.draftNote.textContent = ok ? '' : 'This text is too large to keep across reloads: keep a copy elsewhere.';
}

// ---------------------------------------------------------------- the card

function categoryHidden(mark) {
  const a = state.doc && state.doc.byId.get(mark.dataset.id);
  return !a || state.hidden.has(categoryOf(a));
}

/** The innermost visible mark at `node`. */
function markAt(node) {
  let m = node && node.closest ? node.closest('mark.nm') : null;
  while (m && categoryHidden(m)) m = m.parentElement.closest('mark.nm');
  return m && ui.view.contains(m) ? m : null;
}

function light(nodes, cls) {
  for (const node of nodes || []) {
    node.classList.add(cls);
    state.lit.push([node, cls]);
  }
}

function unlight() {
  for (const [node, cls] of state.lit) node.classList.remove(cls);
  state.lit = [];
}

function openCard(mark, pin = false) {
  const a = state.doc && state.doc.byId.get(mark.dataset.id);
  if (!a) return;
  clearTimeout(state.closeTimer);
  if (state.current && state.current !== mark) state.current.removeAttribute('aria-describedby');
  unlight();
  state.current = mark;
  state.pinned = pin;
  mark.setAttribute('aria-describedby', 'card');
  const parts = state.index.byId.get(a.id) || [mark];
  light(parts, 'is-active');
  if (a.type === 'quote') light(state.index.speakers.get(a.id), 'is-linked');
  fillCard(ui.card, a, state.doc);
  ui.card.dataset.type = a.type;
  ui.card.dataset.label = a.type === 'entity' ? a.label : '';
  ui.card.classList.toggle('pinned', pin);
  ui.card.hidden = false;
  placeCard(ui.card, mark);
}

function closeCard() {
  clearTimeout(state.closeTimer);
  if (state.current) state.current.removeAttribute('aria-describedby');
  state.current = null;
  state.pinned = false;
  unlight();
  ui.card.hidden = true;
}

function lightSpeakerQuotes(speaker) {
  for (const q of speaker.dataset.quotes.split(' ')) light(state.index.byId.get(q), 'is-linked');
}

ui.view.addEventListener('mouseover', (event) => {
  if (state.pinned) return;
  const mark = markAt(event.target);
  if (mark) {
    if (mark !== state.current) openCard(mark);
    else clearTimeout(state.closeTimer);
  }
  const speaker = event.target.closest('.speaker');
  if (speaker) lightSpeakerQuotes(speaker);
});

ui.view.addEventListener('mouseout', (event) => {
  if (state.pinned) return;
  const to = markAt(event.relatedTarget);
  if (!to) {
    clearTimeout(state.closeTimer);
    state.closeTimer = setTimeout(closeCard, 120);
  }
});

ui.view.addEventListener('focusin', (event) => {
  const mark = markAt(event.target);
  if (mark) openCard(mark);
});

ui.view.addEventListener('focusout', (event) => {
  if (!state.pinned && !markAt(event.relatedTarget)) closeCard();
});

ui.view.addEventListener('click', (event) => {
  const mark = markAt(event.target);
  if (mark) openCard(mark, !(state.pinned && state.current === mark));
});

document.addEventListener('click', (event) => {
  if (state.pinned && !ui.view.contains(event.target) && !ui.card.contains(event.target)) closeCard();
});

function focusMark(mark) {
  mark.focus({ preventScroll: true });
  mark.scrollIntoView({ block: 'nearest' });
  if (document.activeElement !== mark) openCard(mark); // e.g. a hidden type still shown on request
}

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    if (!ui.card.hidden) {
      closeCard();
      event.preventDefault();
    }
    return;
  }
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey || state.mode !== 'read') return;
  // Caps Lock (or Shift) gives "J": the shortcut is the letter, whatever its case.
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const focused = event.target.matches && event.target.matches('mark.nm') && ui.view.contains(event.target) ? event.target : null;
  if (key === 'Enter' && focused) {
    // Pins an open card, unpins a pinned one, and reopens one closed with Esc.
    if (state.current === focused && !ui.card.hidden) openCard(focused, !state.pinned);
    else openCard(focused, true);
    event.preventDefault();
  } else if (key === 'j' || key === 'k') {
    const marks = [...ui.view.querySelectorAll('mark.nm[tabindex="0"]')].filter((m) => !categoryHidden(m));
    if (!marks.length) return;
    const at = marks.indexOf(document.activeElement);
    const next = key === 'j' ? (at + 1) % marks.length : at <= 0 ? marks.length - 1 : at - 1;
    focusMark(marks[next]);
    event.preventDefault();
  }
});

window.addEventListener('resize', () => {
  if (state.current) placeCard(ui.card, state.current);
});
window.addEventListener(
  'scroll',
  () => {
    if (state.current) placeCard(ui.card, state.current);
  },
  { passive: true },
);

// ---------------------------------------------------------------- panel

const updateLegend = buildLegend(ui.legend, state.hidden, (key, visible) => {
  if (visible) state.hidden.delete(key);
  else state.hidden.add(key);
  ui.view.classList.toggle(`hide-${key}`, !visible);
  // A mark that no longer looks like one is no longer a Tab stop either.
  if (state.index && state.doc) {
    for (const [id, parts] of state.index.byId) {
      const a = state.doc.byId.get(id);
      if (a && parts.length && categoryOf(a) === key) parts[0].tabIndex = visible ? 0 : -1;
    }
  }
  if (state.current && categoryHidden(state.current)) closeCard();
});

/** Steps through a list of annotation ids: selects them all and moves to the next one. */
async function stepThrough(key, ids, what) {
  setMode('read');
  if (state.job) await state.job.done; // the marks may still be drawing
  for (const node of ui.view.querySelectorAll('.is-selected')) node.classList.remove('is-selected');
  const i = state.pick && state.pick.key === key ? (state.pick.i + 1) % ids.length : 0;
  state.pick = { key, i };
  for (const id of ids) for (const node of state.index.byId.get(id) || []) node.classList.add('is-selected');
  const first = (state.index.byId.get(ids[i]) || [])[0];
  if (!first) return;
  first.scrollIntoView({ block: 'center' });
  first.focus({ preventScroll: true });
  setStatus(`${what} ${i + 1} of ${ids.length}`);
  announce(`${what} ${i + 1} of ${ids.length}`);
}

function pickSpeaker(speaker) {
  stepThrough(`speaker:${speaker.key}`, speaker.quotes, `Quote by ${speaker.name}:`);
}

function pickEntity(entity) {
  stepThrough(`entity:${entity.id}`, entity.mentions, `${entity.name}: mention`);
}

// ---------------------------------------------------------------- inputs

ui.input.addEventListener('input', () => {
  state.text = ui.input.value;
  clearAlert('file'); // a refused file's message is old news once the text is edited
  if (state.pasted) {
    state.pasted = false;
    notices.hide('replace'); // its Undo would now swap out the pasted text: confusing, if harmless
    store.saveUndo(null);
    setMode('read');
    send();
  } else schedule();
});

// A paste into an empty box is a new article: show it annotated straight away.
ui.input.addEventListener('paste', () => {
  state.pasted = ui.input.value === '' || (ui.input.selectionStart === 0 && ui.input.selectionEnd === ui.input.value.length);
});

ui.date.addEventListener('input', () => setOverride(ui.date.value));
ui.dateReset.addEventListener('click', () => {
  setOverride(null);
  ui.date.focus();
});
ui.modeEdit.addEventListener('click', () => {
  setMode('edit');
  ui.input.focus();
});
ui.modeRead.addEventListener('click', () => setMode('read'));
ui.exportButton.addEventListener('click', requestExport);
wireExportMenu(ui.exportFormat, ui.exportButton);

/** Runs `load` with the page marked busy, so nobody mistakes the wait for an idle page. */
async function reading(load) {
  state.reading++;
  updateState();
  try {
    await load();
  } finally {
    state.reading--;
    updateState();
  }
}

/**
 * Puts `text` in place of the user's text, saying so in a note with one click back (Undo), which
 * brings back the earlier text, its article date and its saved draft. `date`: the article date to
 * use with it, or undefined to let tieDate() decide (a new article goes back to detection).
 */
function replaceText(text, date, message, back = 'Undo') {
  const before = { text: state.text, override: state.override };
  if (date !== undefined) {
    state.override = date;
    state.overrideFor = text;
    notices.hide('date');
  }
  clearAlert('file');
  setText(text, { mode: 'read' });
  if (before.text !== '' && before.text !== text) {
    const kept = { text: before.text, date: before.override, label: back };
    store.saveUndo(kept); // survives a reload of this tab
    offerUndo(message, kept);
  } else {
    // Nothing was replaced: a note only when it has something to say (a file's encoding).
    store.saveUndo(null);
    if (message) notices.show('replace', message);
    else notices.hide('replace');
  }
}

/** The "replaced" note with its button bringing `kept` back ({text, date, label}). */
function offerUndo(message, kept) {
  const back = () => replaceText(kept.text, kept.date, 'Your earlier text is back.', kept.label === 'Undo' ? 'Redo' : 'Undo');
  notices.show('replace', message, [{ label: kept.label, run: back }], () => store.saveUndo(null));
}

ui.sample.addEventListener('click', () => reading(async () => {
  try {
    const response = await fetch(new URL('./sample-article.txt', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const text = await response.text();
    replaceText(text, undefined, state.text && state.text !== text ? 'The sample article replaced your text.' : '');
  } catch (e) {
    showAlert(`The sample article could not be loaded (${e.message}).`, 'annotate');
  }
}));

// A file keeps its exact text (CRLF included) until it is edited, so the export matches the CLI's.
async function openFile(file) {
  // A file name can carry a bidi override too ("photo\u202Egnp.exe"): its controls are shown as tags.
  const name = showBidi(file.name);
  let decoded;
  try {
    decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    showAlert(`${name} could not be read (${e.message}). Your text is unchanged.`, 'file');
    return;
  }
  if (decoded.error) {
    showAlert(`${name} was not opened: ${decoded.error}. Your text is unchanged. Open a plain-text (.txt) file.`, 'file');
    return;
  }
  const replaced = state.text && state.text !== decoded.text ? ' It replaced your text.' : '';
  replaceText(decoded.text, undefined, `Opened ${name}, read as ${decoded.encoding}.${replaced}`);
}

ui.file.addEventListener('change', () => reading(async () => {
  const file = ui.file.files && ui.file.files[0];
  if (file) await openFile(file);
  ui.file.value = '';
}));

// A text file dropped anywhere on the page opens like "Open .txt file…".
const hasFiles = (event) => event.dataTransfer && [...event.dataTransfer.types].includes('Files');
document.addEventListener('dragover', (event) => {
  if (!hasFiles(event)) return;
  event.preventDefault();
  ui.root.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) ui.root.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  ui.root.classList.remove('dragging');
  if (!hasFiles(event)) return;
  event.preventDefault();
  const file = event.dataTransfer.files[0];
  if (file) reading(() => openFile(file));
});

window.addEventListener('pagehide', saveDraft);

// Each tab saves its own draft (store.js). Another tab saving a different text is mentioned once,
// with a way to open it here; nothing is overwritten either way.
window.addEventListener('storage', (event) => {
  if (!store.isDraftKey(event.key)) return;
  if (store.isOwnKey(event.key)) {
    // A duplicated tab shares this tab's id: take a new one and save this tab's text under it.
    store.forkTab();
    saveDraft();
    return;
  }
  const other = store.parseDraft(event.newValue);
  if (!other || other.text === '' || other.text === state.text) return;
  state.otherDraft = other;
  if (notices.text('other-tab') != null) return; // said already; the button opens the newest
  notices.show('other-tab', 'Another newsmark tab is editing a different text. Each tab keeps its own draft.', [
    {
      label: 'Open that text here',
      run: () => replaceText(state.otherDraft.text, state.otherDraft.date, 'The other tab’s text replaced yours here.'),
    },
  ]);
});

// ---------------------------------------------------------------- start

function start() {
  const draft = store.loadDraft();
  state.text = draft ? draft.text : '';
  state.override = draft ? draft.date : null;
  state.overrideFor = state.text;
  ui.input.value = state.text;
  setMode(store.loadMode() || (state.text ? 'read' : 'edit'));
  showDocumentDate(null);
  send(); // waits in the annotator until it has loaded
  // A replacement not yet undone or dismissed before the reload: its Undo is still offered.
  const kept = store.loadUndo();
  if (kept && kept.text !== state.text) offerUndo('Your text was replaced before this reload: it is kept.', kept);
}

start();
