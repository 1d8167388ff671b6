// Builds the annotated reading view: one block per line of the text, marks nested as real DOM
// elements (a quote contains its names and dates). Only text nodes and el() are used, so pasted
// HTML is shown as text. Long articles are built in time slices so the page stays responsive.
import { el } from './dom.js';
import { BIDI_PATTERN, describeBidi } from './bidi.js';

const HAS_BIDI = new RegExp(BIDI_PATTERN.source);

const RANK = { quote: 0, speaker: 1, entity: 2, date: 3 };
const SLICE_MS = 10;
const TEXT_PIECE = 16384;

const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;

/** Short label shown after an entity (CSS reads it from data-short). */
export const SHORT = { PERSON: 'PER', ORG: 'ORG', LOC: 'LOC', NORP: 'NORP', EVENT: 'EVT', MISC: 'MISC' };

function byPosition(a, b) {
  return a.s - b.s || b.e - a.e || RANK[a.kind] - RANK[b.kind];
}

/**
 * The spans to draw: every annotation (UTF-16 offsets, clipped to the text) plus each quote's
 * speaker mention, merged when several quotes share one mention. Sorted start asc, end desc.
 */
export function spansOf(text, annotations) {
  const n = text.length;
  const items = [];
  const speakers = new Map();
  for (const a of annotations) {
    const s = Math.max(0, Math.min(n, a.start_utf16 | 0));
    const e = Math.max(0, Math.min(n, a.end_utf16 | 0));
    if (e > s) items.push({ s, e, kind: a.type in RANK ? a.type : 'entity', ann: a });
    if (a.type === 'quote' && a.speaker_start_utf16 != null && a.speaker_end_utf16 != null) {
      const ss = Math.max(0, Math.min(n, a.speaker_start_utf16));
      const se = Math.max(0, Math.min(n, a.speaker_end_utf16));
      if (se <= ss) continue;
      const key = `${ss}:${se}`;
      const known = speakers.get(key);
      if (known) known.quotes.push(a.id);
      else {
        const item = { s: ss, e: se, kind: 'speaker', quotes: [a.id] };
        speakers.set(key, item);
        items.push(item);
      }
    }
  }
  items.sort(byPosition);
  return items;
}

/** A string that changes whenever what is drawn changes (not when only values or speakers do). */
export function layoutSignature(text, annotations) {
  const parts = [text.length];
  for (const a of annotations) {
    parts.push(a.id, a.type, a.label || a.kind || '', a.start_utf16, a.end_utf16, a.speaker_start_utf16 ?? '', a.speaker_end_utf16 ?? '');
  }
  return parts.join('|');
}

/**
 * Appends `chunk` to `parent` as text, each bidi control character in it wrapped in a marker that
 * shows its name and isolates it (so it reorders nothing). The character itself stays in the DOM:
 * the view's text and every mark's text are still exactly the annotated text.
 */
function appendText(parent, chunk) {
  if (!HAS_BIDI.test(chunk)) {
    parent.appendChild(document.createTextNode(chunk));
    return;
  }
  let at = 0;
  for (const m of chunk.matchAll(BIDI_PATTERN)) {
    if (m.index > at) parent.appendChild(document.createTextNode(chunk.slice(at, m.index)));
    const { tag, title } = describeBidi(m[0]);
    parent.appendChild(el('span', { class: 'bidi', dataset: { tag }, title, role: 'img', 'aria-label': title }, m[0]));
    at = m.index + m[0].length;
  }
  if (at < chunk.length) parent.appendChild(document.createTextNode(chunk.slice(at)));
}

function makeElement(item, continued) {
  if (item.kind === 'speaker') return el('span', { class: 'speaker', dataset: { quotes: item.quotes.join(' ') } });
  const a = item.ann;
  const data = { type: item.kind, id: a.id };
  if (a.type === 'entity') Object.assign(data, { label: a.label, short: SHORT[a.label] || a.label, entity: a.entity_id });
  else if (a.type === 'date') data.label = a.label;
  else if (a.type === 'quote') Object.assign(data, { kind: a.kind, speaker: a.speaker_id || null });
  // One tab stop per annotation: the continuation parts of a mark split over lines are skipped.
  if (continued) data.cont = '1';
  return el('mark', { class: 'nm', dataset: data, tabIndex: continued ? null : 0 });
}

/** A binary min-heap ordered like the spans, for the rare remainders of crossing spans. */
class Heap {
  constructor() {
    this.a = [];
  }
  get size() {
    return this.a.length;
  }
  peek() {
    return this.a[0];
  }
  push(x) {
    const a = this.a;
    a.push(x);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (byPosition(a[p], a[i]) <= 0) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }
  pop() {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && byPosition(a[l], a[m]) < 0) m = l;
        if (r < a.length && byPosition(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

const yieldToBrowser =
  globalThis.scheduler && typeof globalThis.scheduler.yield === 'function'
    ? () => globalThis.scheduler.yield()
    : () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Renders `text` with `items` (from spansOf) into `target`, replacing its content.
 * The first slice is swapped in at once (short articles appear in one step); the rest is appended
 * slice by slice. Returns {done: Promise<stats>, cancel()}; `onProgress(fraction)` reports progress.
 * `index.add(id, el)` / `index.addSpeaker(quoteIds, el)` receive elements as they are created;
 * `decorate(el, annotation)` may add attributes to the first part of each mark.
 */
export function render(target, text, items, { onProgress, index, decorate } = {}) {
  let cancelled = false;
  const make = (item, continued) => {
    const node = makeElement(item, continued);
    if (!continued && item.kind !== 'speaker') decorate?.(node, item.ann);
    return node;
  };
  const t0 = performance.now();
  const done = (async () => {
    const root = document.createDocumentFragment();
    let block = null;
    // stack of open elements: {node, e, item}; the block is the implicit bottom.
    let stack = [];
    let cursor = 0;
    let swapped = false;
    let slices = 0;
    const heap = new Heap();
    let i = 0;

    // After the first slice is shown, new blocks collect in `pending` and join the page in batches
    // that double in size: appending to the live view every slice made the browser re-lay-out the
    // growing article each time (4 s of layout for 50,000 words).
    const pending = document.createDocumentFragment();
    let shownBlocks = 0;
    let pendingBlocks = 0;
    const flush = () => {
      target.appendChild(pending);
      shownBlocks += pendingBlocks;
      pendingBlocks = 0;
    };
    const newBlock = () => {
      block = el('div', { class: 'line' });
      if (swapped) {
        pending.appendChild(block);
        pendingBlocks++;
      } else {
        root.appendChild(block);
        shownBlocks++;
      }
      // Marks still open continue in the new block as continuation parts.
      let parent = block;
      stack = stack.map((open) => {
        const node = make(open.item, true);
        parent.appendChild(node);
        parent = node;
        if (open.item.kind === 'speaker') index?.addSpeaker(open.item.quotes, node);
        else index?.add(open.item.ann.id, node);
        return { node, e: open.e, item: open.item };
      });
    };
    // Blocks start lazily, so a mark closing right after a newline leaves no empty continuation.
    let needBlock = true;
    const top = () => {
      if (needBlock) {
        needBlock = false;
        newBlock();
      }
      return stack.length ? stack[stack.length - 1].node : block;
    };
    // Appends text[cursor, to) to the innermost open element; a newline ends the block.
    // The next newline is cached: re-searching from every mark would be quadratic on one long line.
    let nl = -1;
    const emit = (to) => {
      while (cursor < to) {
        if (nl < cursor) {
          nl = text.indexOf('\n', cursor);
          if (nl === -1) nl = Infinity;
        }
        const end = nl >= to ? to : nl + 1;
        appendText(top(), text.slice(cursor, end));
        cursor = end;
        if (end === nl + 1) needBlock = true;
      }
    };
    const next = () => {
      if (heap.size && (i >= items.length || byPosition(heap.peek(), items[i]) < 0)) return heap.pop();
      return i < items.length ? items[i++] : null;
    };
    const due = () => performance.now() - sliceStart > SLICE_MS;
    // Shows what is built so far and lets the browser handle input; true when cancelled meanwhile.
    const pause = async () => {
      if (!swapped) {
        target.replaceChildren(root);
        swapped = true;
      } else if (pendingBlocks >= Math.max(64, shownBlocks)) flush();
      onProgress?.(cursor / Math.max(1, text.length));
      slices++;
      await yieldToBrowser();
      sliceStart = performance.now();
      return cancelled;
    };
    // Long stretches of plain text are emitted in pieces so one paste of a huge text is sliced too.
    const emitLong = async (to) => {
      while (cursor < to) {
        let end = Math.min(to, cursor + TEXT_PIECE);
        if (end < to && isHighSurrogate(text.charCodeAt(end - 1))) end++;
        emit(end);
        if (due() && (await pause())) return true;
      }
      return false;
    };
    const closeUntil = async (pos) => {
      while (stack.length && stack[stack.length - 1].e <= pos) {
        const { e } = stack[stack.length - 1];
        if (e - cursor > TEXT_PIECE) {
          if (await emitLong(e)) return true;
        } else emit(e);
        stack.pop();
      }
      return false;
    };

    let sliceStart = performance.now();
    let count = 0;
    for (let item = next(); item; item = next()) {
      if (await closeUntil(item.s)) return null;
      if (item.s - cursor > TEXT_PIECE) {
        if (await emitLong(item.s)) return null;
      } else emit(item.s);
      let { e } = item;
      const outer = stack.length ? stack[stack.length - 1].e : Infinity;
      if (e > outer) {
        // Crossing spans cannot nest: draw the part inside, continue the rest after the outer one.
        heap.push({ ...item, s: outer, cont: true });
        e = outer;
      }
      const node = make(item, item.cont);
      top().appendChild(node);
      stack.push({ node, e, item });
      if (item.kind === 'speaker') index?.addSpeaker(item.quotes, node);
      else index?.add(item.ann.id, node);
      if (++count % 64 === 0 && due() && (await pause())) return null;
    }
    if (await closeUntil(Infinity)) return null;
    if (await emitLong(text.length)) return null;
    if (!swapped) target.replaceChildren(root);
    else flush();
    onProgress?.(1);
    return { ms: performance.now() - t0, slices: slices + 1, marks: count };
  })();
  return {
    done,
    cancel() {
      cancelled = true;
    },
  };
}
