// What the page says about a whole result: counts per legend category, who is quoted, names grouped
// by type, mention counts. Derived once per result, in one pass, and read by the card, the panel and
// the app, so the three can never disagree (they used to count separately).
import { CATEGORIES, LABEL_WORDS, categoryOf, countWords } from './words.js';

// One collator for all comparisons: String.localeCompare builds one per call (slow on thousands).
const byName = new Intl.Collator('en');

/**
 * @typedef {object} Aggregates
 * @property {Map<string, object>} byId annotation id → annotation
 * @property {Record<string, number>} categories legend category key → number of annotations
 * @property {Map<string, number>} words quote id → words in the quote
 * @property {Map<string, number>} mentions entity id → number of mentions
 * @property {Map<string, number>} quotesBySpeaker entity id → speech quotes (direct and reported) attributed to it
 * @property {{list: object[], scare: number, summary: object}} speakers "Who is quoted": the sources
 *   (see `addQuote`), the scare quotes left out, and `summaryOf` their totals
 * @property {object[]} entityGroups names by label: [{label, entities: [{id, name, mentions: [ids]}]}]
 */

/** Everything the page shows about `annotations` as a whole (pass [] for no result). */
export function aggregate(annotations) {
  const byId = new Map();
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c.key, 0]));
  const words = new Map();
  const mentions = new Map();
  const bySpeaker = new Map();
  const groups = new Map();
  let scare = 0;
  for (const a of annotations) {
    byId.set(a.id, a);
    categories[categoryOf(a)]++;
    if (a.type === 'entity') {
      mentions.set(a.entity_id, (mentions.get(a.entity_id) || 0) + 1);
      addMention(groups, a);
    } else if (a.type === 'quote') {
      const n = countWords(a.text);
      words.set(a.id, n);
      if (a.kind === 'scare') scare++;
      else addQuote(bySpeaker, a, n);
    }
  }
  const list = sortSpeakers(bySpeaker);
  const speakers = { list, scare, summary: summaryOf(list) };
  const quotesBySpeaker = new Map();
  for (const s of speakers.list) if (s.entityId) quotesBySpeaker.set(s.entityId, s.quotes.length);
  return { byId, categories, words, mentions, quotesBySpeaker, speakers, entityGroups: sortGroups(groups) };
}

// Scare quotes are left out of "Who is quoted" so the counts stay honest; each source counts its
// direct quotes and its reported speech apart (`reported` of its `quotes` are reported speech).
function addQuote(bySpeaker, a, words) {
  const key = a.speaker_id ? `id:${a.speaker_id}` : a.speaker ? `name:${a.speaker}` : 'none';
  let s = bySpeaker.get(key);
  if (!s) {
    s = { key, name: a.speaker || 'Not attributed', entityId: a.speaker_id || null, quotes: [], reported: 0, words: 0 };
    bySpeaker.set(key, s);
  }
  s.quotes.push(a.id);
  if (a.kind === 'reported') s.reported++;
  s.words += words;
  // The export tells each quote's speaker gender as the text signals it; the first signal stands.
  if (!s.gender && a.speaker_gender && a.speaker_gender !== 'unknown') s.gender = a.speaker_gender;
}

/**
 * What newsrooms track about sources: how many distinct sources (quotes with no speaker are no
 * source), the share of their quotes that are direct rather than reported, and the gender balance
 * of the named sources (those the entity layer knows by name) as the text signals it.
 */
function summaryOf(list) {
  const sources = list.filter((s) => s.key !== 'none');
  let quotes = 0;
  let reported = 0;
  const gender = { female: 0, male: 0, unknown: 0 };
  for (const s of sources) {
    quotes += s.quotes.length;
    reported += s.reported;
    if (s.entityId) gender[s.gender || 'unknown']++;
  }
  return { sources: sources.length, quotes, direct: quotes - reported, gender };
}

/** Most quoted first, then most words; quotes without a speaker are grouped last. */
function sortSpeakers(bySpeaker) {
  return [...bySpeaker.values()].sort(
    (x, y) => (x.key === 'none') - (y.key === 'none') || y.quotes.length - x.quotes.length || y.words - x.words,
  );
}

function addMention(groups, a) {
  if (!groups.has(a.label)) groups.set(a.label, new Map());
  const g = groups.get(a.label);
  let e = g.get(a.entity_id);
  if (!e) {
    e = { id: a.entity_id, name: a.canonical || a.text, mentions: [] };
    g.set(a.entity_id, e);
  }
  e.mentions.push(a.id);
}

/** Labels in the order LABEL_WORDS lists them; in each, the most mentioned names first. */
function sortGroups(groups) {
  const order = Object.keys(LABEL_WORDS);
  return [...groups.entries()]
    .sort(([x], [y]) => order.indexOf(x) - order.indexOf(y))
    .map(([label, g]) => ({
      label,
      entities: [...g.values()].sort((x, y) => y.mentions.length - x.mentions.length || byName.compare(x.name, y.name)),
    }));
}
