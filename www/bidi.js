// Bidirectional control characters are invisible but reorder what is shown: “\u202Egnp.exe\u202C”
// reads as “exe.png”. The reading view shows each one as a small named marker instead.

/** Each bidi control character with its short tag (shown) and its name (title and screen readers). */
export const BIDI_CONTROLS = new Map([
  ['\u200e', ['LRM', 'left-to-right mark']],
  ['\u200f', ['RLM', 'right-to-left mark']],
  ['\u061c', ['ALM', 'Arabic letter mark']],
  ['\u202a', ['LRE', 'left-to-right embedding']],
  ['\u202b', ['RLE', 'right-to-left embedding']],
  ['\u202c', ['PDF', 'pop directional formatting']],
  ['\u202d', ['LRO', 'left-to-right override']],
  ['\u202e', ['RLO', 'right-to-left override']],
  ['\u2066', ['LRI', 'left-to-right isolate']],
  ['\u2067', ['RLI', 'right-to-left isolate']],
  ['\u2068', ['FSI', 'first strong isolate']],
  ['\u2069', ['PDI', 'pop directional isolate']],
]);

/** Matches any one of them (global: use with matchAll or reset lastIndex). */
export const BIDI_PATTERN = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

const hex = (c) => `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** {tag, title} for a bidi control character `c`. */
export function describeBidi(c) {
  const [tag, name] = BIDI_CONTROLS.get(c) || ['BIDI', 'bidirectional control'];
  return { tag, title: `Hidden ${name} character (${hex(c)}): it changes the order in which the text around it is shown` };
}

/** `text` with each bidi control replaced by its tag in brackets ("[RLO]"): for short labels such as file names. */
export function showBidi(text) {
  return text.replace(BIDI_PATTERN, (c) => `[${describeBidi(c).tag}]`);
}
