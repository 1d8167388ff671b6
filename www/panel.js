// The side panel: legend (counts and a toggle per type), "Who is quoted", names grouped by type.
// It only draws: the counts and lists come from the result's aggregates (aggregates.js).
import { el } from './dom.js';
import { CATEGORIES, LABEL_WORDS, shorten } from './words.js';

// Names are cut for display: one 60,000-letter "name" would make the browser's line breaking crawl.
const NAME_MAX = 60;

const SHOWN_PER_GROUP = 8;

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Builds the legend once: a checkbox per category; `onToggle(key, visible)` is called on change.
 * Returns a function that updates the counts from `aggregates.categories`.
 */
export function buildLegend(list, hidden, onToggle) {
  const counters = {};
  for (const c of CATEGORIES) {
    const box = el('input', {
      type: 'checkbox',
      checked: !hidden.has(c.key),
      dataset: { cat: c.key },
      onchange: () => onToggle(c.key, box.checked),
    });
    counters[c.key] = el('span', { class: 'count' }, '0');
    const swatch = el('span', { class: `swatch swatch-${c.key}`, 'aria-hidden': 'true' });
    const label = el('label', null, box, swatch, el('span', { class: 'legend-name' }, c.name), counters[c.key]);
    list.append(el('li', { class: `legend-item cat-${c.key}` }, label));
  }
  return (counts) => {
    for (const c of CATEGORIES) counters[c.key].textContent = String(counts[c.key] || 0);
  };
}

/** Fills the "Who is quoted" list from `aggregates.speakers`; `onPick(speaker)` runs when an entry is chosen. */
export function renderSpeakers(list, note, speakers, onPick) {
  const items = speakers.list.map((s) => {
    const name = shorten(s.name, NAME_MAX);
    const q = s.quotes.length;
    // "3 quotes (1 reported)": direct and reported speech of one source, counted apart.
    const kinds = s.reported ? ` (${s.reported} reported)` : '';
    const b = el(
      'button',
      {
        type: 'button',
        class: s.key === 'none' ? 'speaker-entry unattributed' : 'speaker-entry',
        dataset: { key: s.key },
        'aria-label': `${name}: ${plural(q, 'quote')}${kinds}, ${s.words} words; show them`,
        onclick: () => onPick(s, b),
      },
      el('span', { class: 'speaker-name' }, name),
      el('span', { class: 'speaker-stats' }, `${plural(q, 'quote')}${kinds} · ${plural(s.words, 'word')}`),
    );
    return el('li', null, b);
  });
  list.replaceChildren(...items);
  const parts = [];
  if (!speakers.list.length) parts.push('No quotes found yet.');
  const sum = speakers.summary;
  if (sum && sum.sources) {
    const share = Math.round((100 * sum.direct) / sum.quotes);
    parts.push(`${plural(sum.sources, 'source')}; ${share}% of their quotes direct.`);
    const g = sum.gender;
    if (g.female + g.male + g.unknown) {
      parts.push(
        `Named sources: ${g.female} women, ${g.male} men, ${g.unknown} unknown ` +
          '(read from he/she, then Mr/Ms titles, then given names; never guessed beyond that).',
      );
    }
  }
  if (speakers.scare) parts.push(`${plural(speakers.scare, 'scare quote')} not counted.`);
  note.textContent = parts.join(' ');
}

function entityButton(e, label, onPick) {
  const name = shorten(e.name, NAME_MAX);
  const n = e.mentions.length;
  const b = el(
    'button',
    {
      type: 'button',
      class: `entity-entry label-${label}`,
      dataset: { entity: e.id },
      'aria-label': `${name}: ${plural(n, 'mention')}; show them`,
      onclick: () => onPick(e, b),
    },
    el('span', { class: 'entity-name' }, name),
    el('span', { class: 'entity-count' }, String(n)),
  );
  return el('li', null, b);
}

/** Fills the names section from `aggregates.entityGroups`: one list per label, the most mentioned first, the rest folded. */
export function renderEntities(container, groups, onPick) {
  const sections = groups.map((g) => {
    const buttons = (list) => list.map((e) => entityButton(e, g.label, onPick));
    let more = null;
    if (g.entities.length > SHOWN_PER_GROUP) {
      const rest = el('ul', { class: 'entities' });
      // Built on first opening: a 50,000-word article can name thousands.
      more = el('details', null, el('summary', null, `${g.entities.length - SHOWN_PER_GROUP} more`), rest);
      more.addEventListener(
        'toggle',
        () => {
          if (!rest.childElementCount) rest.append(...buttons(g.entities.slice(SHOWN_PER_GROUP)));
        },
        { once: true },
      );
    }
    return el(
      'section',
      { class: `entity-group label-${g.label}` },
      el('h3', null, `${LABEL_WORDS[g.label] || g.label} (${g.entities.length})`),
      el('ul', { class: 'entities' }, buttons(g.entities.slice(0, SHOWN_PER_GROUP))),
      more,
    );
  });
  if (!sections.length) sections.push(el('p', { class: 'hint' }, 'No names found yet.'));
  container.replaceChildren(...sections);
}
