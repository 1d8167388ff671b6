// How annotations are named and counted for people: labels in words, word counts, file names.

/** Entity and date labels as a reader would say them. */
export const LABEL_WORDS = {
  PERSON: 'Person',
  ORG: 'Organisation',
  LOC: 'Place',
  NORP: 'Group (nationality, religion, party)',
  EVENT: 'Event',
  MISC: 'Other name',
  DATE: 'Date',
  TIME: 'Time',
  DURATION: 'Duration',
  SET: 'Recurring time',
};

/** Legend categories: one colour each. Entities of the last three labels share one colour. */
export const CATEGORIES = [
  { key: 'person', name: 'People', test: (a) => a.type === 'entity' && a.label === 'PERSON' },
  { key: 'org', name: 'Organisations', test: (a) => a.type === 'entity' && a.label === 'ORG' },
  { key: 'loc', name: 'Places', test: (a) => a.type === 'entity' && a.label === 'LOC' },
  {
    key: 'other',
    name: 'Other names',
    test: (a) => a.type === 'entity' && a.label !== 'PERSON' && a.label !== 'ORG' && a.label !== 'LOC',
  },
  { key: 'date', name: 'Dates and times', test: (a) => a.type === 'date' },
  { key: 'quote', name: 'Quotes', test: (a) => a.type === 'quote' && a.kind !== 'reported' },
  // Reported speech ("the minister said the deal could collapse"): the words are the writer's.
  { key: 'reported', name: 'Reported speech', test: (a) => a.type === 'quote' && a.kind === 'reported' },
];

/** Which legend category an annotation belongs to. */
export function categoryOf(a) {
  for (const c of CATEGORIES) if (c.test(a)) return c.key;
  return 'other';
}

const WORD = /[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu;

/** Number of words in a text (letters or digits, with inner apostrophes and hyphens). */
export function countWords(text) {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text)) n++;
  return n;
}

/** `<first words of the headline>.newsmark.json` */
export function exportFileName(text) {
  const firstLine = text.split('\n').find((l) => l.trim() !== '') || '';
  const words = (firstLine.match(WORD) || []).slice(0, 6).map((w) => w.toLowerCase());
  let base = words.join('-').replace(/['’]/g, '').slice(0, 60).replace(/-+$/, '');
  if (!base) base = 'article';
  return `${base}.newsmark.json`;
}

/** A long text cut to `max` characters at a word boundary, with an ellipsis. */
export function shorten(text, max) {
  // Only the start is looked at: this runs on every mark, and a quote can be a megabyte long.
  const head = text.length > max * 4 ? text.slice(0, max * 4) : text;
  const flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= max && head === text) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > max / 2 ? space : max)}…`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** "2018-02-21" as "Wednesday 21 February 2018"; anything else unchanged. */
export function dayInWords(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
  if (!m) return iso;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return iso;
  return `${WEEKDAYS[date.getUTCDay()]} ${d} ${MONTHS[mo - 1]} ${y}`;
}
