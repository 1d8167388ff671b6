// What survives a reload: the draft (its text and the article date typed for it) and the view mode.
// localStorage can be missing (privacy modes) or full (huge drafts): every call reports, never throws.
//
// Each tab keeps its own draft, under a key with the tab's id (kept in sessionStorage, so a reload
// finds it again): two tabs never overwrite each other's text. A new tab starts from the newest
// draft of any tab. Drafts of tabs long closed are pruned, the newest few kept.

const PREFIX = 'newsmark.draft.v2.';
const LEGACY = { draft: 'newsmark.draft.v1', date: 'newsmark.date.v1' };
const MODE = 'newsmark.mode.v1';
const TAB = 'newsmark.tab';
const UNDO = 'newsmark.undo.v1';
/** Drafts kept besides this tab's own: enough for the tabs one person has open. */
const KEEP = 8;

function read(storage, key) {
  try {
    return window[storage].getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` (null removes); returns false when the browser refused (quota or disabled). */
function write(storage, key, value) {
  try {
    if (value == null) window[storage].removeItem(key);
    else window[storage].setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

const newId = () =>
  globalThis.crypto && typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

let tab = read('sessionStorage', TAB);
if (!tab) {
  tab = newId();
  write('sessionStorage', TAB, tab);
}

const validDate = (d) => (typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);

/** A stored draft record, or null when missing or unreadable. */
function parse(raw) {
  if (!raw) return null;
  try {
    const d = JSON.parse(raw);
    if (typeof d.text !== 'string') return null;
    return { text: d.text, date: validDate(d.date), saved: Number(d.saved) || 0 };
  } catch {
    return null;
  }
}

/** Every stored draft: [{key, tab, text, date, saved}]. */
function allDrafts() {
  const out = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key || !key.startsWith(PREFIX)) continue;
      const d = parse(localStorage.getItem(key));
      if (d) out.push({ key, tab: key.slice(PREFIX.length), ...d });
    }
  } catch {
    // no storage: no drafts
  }
  return out.sort((a, b) => b.saved - a.saved);
}

/** True when `key` (from a `storage` event) holds a draft of some tab. */
export const isDraftKey = (key) => typeof key === 'string' && key.startsWith(PREFIX);

/** True when `key` is this tab's own draft. */
export const isOwnKey = (key) => key === PREFIX + tab;

/** The draft record in a `storage` event's new value, or null. */
export const parseDraft = parse;

/**
 * The draft this tab starts with: its own (a reload), else the newest of any tab (a new tab), else
 * the one saved before drafts were kept per tab. {text, date} or null.
 */
export function loadDraft() {
  const own = parse(read('localStorage', PREFIX + tab));
  if (own) return own;
  const newest = allDrafts()[0];
  if (newest) return newest;
  const text = read('localStorage', LEGACY.draft);
  if (!text) return null;
  return { text, date: validDate(read('localStorage', LEGACY.date)) };
}

/** Saves this tab's draft (`date`: the article date typed for it, or null); false when it could not be kept. */
export function saveDraft(text, date) {
  if (text === '' && !date) return write('localStorage', PREFIX + tab, null);
  const ok = write('localStorage', PREFIX + tab, JSON.stringify({ text, date, saved: Date.now() }));
  if (ok) {
    // The single draft of older versions now lives in this tab's record.
    write('localStorage', LEGACY.draft, null);
    write('localStorage', LEGACY.date, null);
    for (const old of allDrafts().filter((d) => d.tab !== tab).slice(KEEP)) write('localStorage', old.key, null);
  }
  return ok;
}

/**
 * Another tab wrote to this tab's own key: it was duplicated (sessionStorage is copied with it).
 * This tab takes a new id, so from now on each keeps its own draft.
 */
export function forkTab() {
  tab = newId();
  write('sessionStorage', TAB, tab);
}

/**
 * The text a replacement (sample, file, drop) took the place of, kept in sessionStorage so this
 * tab's Undo survives a reload and goes when the tab does: {text, date, label} (label: "Undo" or
 * "Redo"), or null to forget it. Returns false when it could not be kept.
 */
export const saveUndo = (undo) => write('sessionStorage', UNDO, undo ? JSON.stringify(undo) : null);

/** The kept Undo ({text, date, label}) or null. */
export function loadUndo() {
  const raw = read('sessionStorage', UNDO);
  if (!raw) return null;
  try {
    const u = JSON.parse(raw);
    if (typeof u.text !== 'string') return null;
    return { text: u.text, date: validDate(u.date), label: u.label === 'Redo' ? 'Redo' : 'Undo' };
  } catch {
    return null;
  }
}

/** "edit" or "read", or null. */
export const loadMode = () => {
  const m = read('localStorage', MODE);
  return m === 'edit' || m === 'read' ? m : null;
};
/** Saves the view mode. */
export const saveMode = (mode) => write('localStorage', MODE, mode);
