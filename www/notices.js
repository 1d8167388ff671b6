// Notes about what the page just did to the user's text, each with its way back: "Replaced your
// text with the sample. [Undo]", "Opened notes.txt as windows-1252", "Another tab has a newer draft".
// One note per topic: a newer one on the same topic replaces it. Built with el(), so file names and
// other user text stay text.
import { el } from './dom.js';

/**
 * Shows notes in `container`. Returns {show(topic, message, actions, onDismiss), hide(topic), text(topic)}:
 * `actions` are [{label, run}] buttons; running one hides the note first (it may show another).
 * `onDismiss` runs when the user closes the note with its × button.
 */
export function createNotices(container) {
  const shown = new Map();

  function hide(topic) {
    const node = shown.get(topic);
    if (!node) return;
    node.remove();
    shown.delete(topic);
    container.hidden = shown.size === 0;
  }

  function show(topic, message, actions = [], onDismiss = null) {
    const buttons = actions.map(({ label, run }) =>
      el('button', { type: 'button', class: 'small', dataset: { action: label }, onclick: () => {
        hide(topic);
        run();
      } }, label),
    );
    const close = el('button', { type: 'button', class: 'small quiet', 'aria-label': 'Dismiss this note', onclick: () => {
      hide(topic);
      onDismiss?.();
    } }, '×');
    const node = el(
      'p',
      { class: 'notice', dataset: { topic } },
      el('span', { class: 'notice-text' }, message),
      el('span', { class: 'notice-actions' }, ...buttons, close),
    );
    const old = shown.get(topic);
    if (old) old.replaceWith(node);
    else container.append(node);
    shown.set(topic, node);
    container.hidden = false;
  }

  return { show, hide, text: (topic) => shown.get(topic)?.querySelector('.notice-text').textContent ?? null };
}
