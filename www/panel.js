// The side panel: legend (counts and a toggle per type), "Who is quoted", names grouped by type.
import { CATEGORIES, LABEL_WORDS, categoryOf, countWords, shorten } from './words.js';

// Names are cut for display: one 60,000-letter "name" would make the browser's line breaking crawl.
const NAME_MAX = 60;

const SHOWN_PER_GROUP = 8;
// One collator for all comparisons: String.localeCompare builds one per call (slow on thousands).
const byName = new Intl.Collator('en');

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

/** Counts per legend category. */
export function countCategories(annotations) {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c.key, 0]));
  for (const a of annotations) counts[categoryOf(a)]++;
  return counts;
}

/**
 * Builds the legend once: a checkbox per category; `onToggle(key, visible)` is called on change.
 * Returns a function that updates the counts.
 */
export function buildLegend(list, hidden, onToggle) {
  const counters = {};
  for (const c of CATEGORIES) {
    const li = el('li', `legend-item cat-${c.key}`);
    const label = el('label');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !hidden.has(c.key);
    box.dataset.cat = c.key;
    box.addEventListener('change', () => onToggle(c.key, box.checked));
    const swatch = el('span', `swatch swatch-${c.key}`);
    swatch.setAttribute('aria-hidden', 'true');
    const count = el('span', 'count', '0');
    counters[c.key] = count;
    label.append(box, swatch, el('span', 'legend-name', c.name), count);
    li.append(label);
    list.append(li);
  }
  return (counts) => {
    for (const c of CATEGORIES) counters[c.key].textContent = String(counts[c.key] || 0);
  };
}

/**
 * Speakers of attributed speech, most quoted first: {key, name, entityId, quotes: [ids], words}.
 * Scare quotes are left out so the counts stay honest; quotes without a speaker are grouped last.
 */
export function speakersOf(annotations) {
  const bySpeaker = new Map();
  let scare = 0;
  for (const a of annotations) {
    if (a.type !== 'quote') continue;
    if (a.kind === 'scare') {
      scare++;
      continue;
    }
    const key = a.speaker_id ? `id:${a.speaker_id}` : a.speaker ? `name:${a.speaker}` : 'none';
    let s = bySpeaker.get(key);
    if (!s) {
      s = { key, name: a.speaker || 'Not attributed', entityId: a.speaker_id || null, quotes: [], words: 0 };
      bySpeaker.set(key, s);
    }
    s.quotes.push(a.id);
    s.words += countWords(a.text);
  }
  const list = [...bySpeaker.values()].sort(
    (x, y) => (x.key === 'none') - (y.key === 'none') || y.quotes.length - x.quotes.length || y.words - x.words,
  );
  return { list, scare };
}

/** Fills the "Who is quoted" list; `onPick(speaker)` runs when an entry is chosen. */
export function renderSpeakers(list, note, speakers, onPick) {
  const items = speakers.list.map((s) => {
    const li = el('li');
    const b = el('button', 'speaker-entry');
    b.type = 'button';
    b.dataset.key = s.key;
    if (s.key === 'none') b.classList.add('unattributed');
    const q = s.quotes.length;
    b.append(
      el('span', 'speaker-name', shorten(s.name, NAME_MAX)),
      el('span', 'speaker-stats', `${q} quote${q === 1 ? '' : 's'} · ${s.words} word${s.words === 1 ? '' : 's'}`),
    );
    b.setAttribute('aria-label', `${shorten(s.name, NAME_MAX)}: ${q} quote${q === 1 ? '' : 's'}, ${s.words} words; show them`);
    b.addEventListener('click', () => onPick(s, b));
    li.append(b);
    return li;
  });
  list.replaceChildren(...items);
  const parts = [];
  if (!speakers.list.length) parts.push('No quotes found yet.');
  if (speakers.scare) parts.push(`${speakers.scare} scare quote${speakers.scare === 1 ? '' : 's'} not counted.`);
  note.textContent = parts.join(' ');
}

/** Entities grouped by label with mention counts: [{label, entities: [{id, name, mentions: [ids]}]}]. */
export function entityGroups(annotations) {
  const groups = new Map();
  for (const a of annotations) {
    if (a.type !== 'entity') continue;
    if (!groups.has(a.label)) groups.set(a.label, new Map());
    const g = groups.get(a.label);
    let e = g.get(a.entity_id);
    if (!e) {
      e = { id: a.entity_id, name: a.canonical || a.text, mentions: [] };
      g.set(a.entity_id, e);
    }
    e.mentions.push(a.id);
  }
  const order = Object.keys(LABEL_WORDS);
  return [...groups.entries()]
    .sort(([x], [y]) => order.indexOf(x) - order.indexOf(y))
    .map(([label, g]) => ({
      label,
      entities: [...g.values()].sort((x, y) => y.mentions.length - x.mentions.length || byName.compare(x.name, y.name)),
    }));
}

function entityButton(e, label, onPick) {
  const li = el('li');
  const b = el('button', `entity-entry label-${label}`);
  b.type = 'button';
  b.dataset.entity = e.id;
  const n = e.mentions.length;
  b.append(el('span', 'entity-name', shorten(e.name, NAME_MAX)), el('span', 'entity-count', String(n)));
  b.setAttribute('aria-label', `${shorten(e.name, NAME_MAX)}: ${n} mention${n === 1 ? '' : 's'}; show them`);
  b.addEventListener('click', () => onPick(e, b));
  li.append(b);
  return li;
}

/** Fills the names section: one list per label, the most mentioned first, the rest folded. */
export function renderEntities(container, groups, onPick) {
  const sections = groups.map((g) => {
    const section = el('section', `entity-group label-${g.label}`);
    section.append(el('h3', null, `${LABEL_WORDS[g.label] || g.label} (${g.entities.length})`));
    const ul = el('ul', 'entities');
    ul.append(...g.entities.slice(0, SHOWN_PER_GROUP).map((e) => entityButton(e, g.label, onPick)));
    section.append(ul);
    if (g.entities.length > SHOWN_PER_GROUP) {
      const more = el('details');
      more.append(el('summary', null, `${g.entities.length - SHOWN_PER_GROUP} more`));
      const rest = el('ul', 'entities');
      // Built on first opening: a 50,000-word article can name thousands.
      more.addEventListener(
        'toggle',
        () => {
          if (!rest.childElementCount) rest.append(...g.entities.slice(SHOWN_PER_GROUP).map((e) => entityButton(e, g.label, onPick)));
        },
        { once: true },
      );
      more.append(rest);
      section.append(more);
    }
    return section;
  });
  if (!sections.length) sections.push(el('p', 'hint', 'No names found yet.'));
  container.replaceChildren(...sections);
}
