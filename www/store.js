// What survives a reload: the draft text, the document-date override and the view mode.
// localStorage can be missing (privacy modes) or full (huge drafts): every call reports, never throws.

const KEYS = { draft: 'newsmark.draft.v1', date: 'newsmark.date.v1', mode: 'newsmark.mode.v1' };

function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Stores `value` (null removes); returns false when the browser refused (quota or disabled). */
function write(key, value) {
  try {
    if (value == null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** The saved draft, or null. */
export const loadDraft = () => read(KEYS.draft);
/** Saves the draft; false when it could not be kept. */
export const saveDraft = (text) => write(KEYS.draft, text === '' ? null : text);
/** The saved document-date override ("YYYY-MM-DD") or null. */
export const loadDate = () => {
  const d = read(KEYS.date);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null;
};
/** Saves the override (null: detect from the text). */
export const saveDate = (date) => write(KEYS.date, date);
/** "edit" or "read", or null. */
export const loadMode = () => {
  const m = read(KEYS.mode);
  return m === 'edit' || m === 'read' ? m : null;
};
/** Saves the view mode. */
export const saveMode = (mode) => write(KEYS.mode, mode);
