// Whether a text is still "the same article" as an earlier one: the test that decides whether an
// article date the user typed still applies. Edits inside an article keep its start and end; a new
// article pasted, opened or typed over the old one keeps neither.

/** Share of the longer text that must survive, as common start plus common end. */
const KEPT = 0.5;

/**
 * True when `after` is an edit of `before`: their common beginning and end cover at least half of
 * the longer one. An empty `before` (a date set before any text) goes with whatever comes.
 */
export function sameArticle(before, after) {
  if (before === after || before === '') return true;
  const n = Math.min(before.length, after.length);
  let head = 0;
  while (head < n && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < n - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return head + tail >= KEPT * Math.max(before.length, after.length);
}
