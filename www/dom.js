// The one way the page builds elements. Children become text nodes, so user text can never turn
// into markup (the CSP's Trusted Types would refuse innerHTML anyway: this keeps it from being tried).

/**
 * `el(tag, attrs, ...children)`: a new element.
 * attrs: `class` → className, `dataset` → data-* values, `on<event>` functions → listeners, names the
 * element has as properties (type, checked, tabIndex, hidden…) → set as properties, anything else
 * (aria-*, role…) → setAttribute. Null, undefined and false values are skipped.
 * children: strings become text nodes; nodes are appended; null, undefined and false are skipped;
 * arrays are flattened.
 */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') e.className = value;
    else if (key === 'dataset') {
      for (const [k, v] of Object.entries(value)) if (v != null) e.dataset[k] = String(v);
    } else if (key.startsWith('on') && typeof value === 'function') e.addEventListener(key.slice(2), value);
    else if (key in e) e[key] = value;
    else e.setAttribute(key, String(value));
  }
  append(e, children);
  return e;
}

/** Appends `children` to `parent` as `el` does (strings as text nodes). */
export function append(parent, children) {
  for (const c of children) {
    if (c == null || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return parent;
}
