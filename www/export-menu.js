// The Export menu: the newsmark/1 JSON as the CLI prints it, or the same annotations in another
// tool's format, converted by the wasm module (the CLI's --format w3c | brat | csv, byte for byte;
// docs/exports.md). The converter loads on the first non-JSON export, so the page's start is unchanged.
import { el } from './dom.js';
import { exportFileName } from './words.js';

/**
 * Each menu choice: the button's label, the file name's ending, its MIME type, and how the file is
 * made from the export JSON (`convert` is the wasm module; JSON needs none).
 */
export const FORMATS = {
  json: { label: 'JSON', ending: '.newsmark.json', type: 'application/json', make: (json) => `${json}\n` },
  w3c: { label: 'W3C', ending: '.w3c.jsonld', type: 'application/ld+json', make: (json, convert) => `${convert.exportW3c(json, null)}\n` },
  brat: { label: 'brat .ann', ending: '.ann', type: 'text/plain;charset=utf-8', make: (json, convert) => convert.exportBrat(json) },
  'csv-quotes': { label: 'CSV quotes', ending: '.quotes.csv', type: 'text/csv;charset=utf-8', make: (json, convert) => convert.exportCsv(json, 'quotes') },
  'csv-names': { label: 'CSV names', ending: '.names.csv', type: 'text/csv;charset=utf-8', make: (json, convert) => convert.exportCsv(json, 'names') },
};

let converter = null;

/** The wasm module's conversion functions, loaded once. */
function loadConverter() {
  converter ??= import('./pkg/newsmark.js').then(async (module) => {
    await module.default();
    return module;
  });
  return converter;
}

/** The file for `result` ({text, json}) in `format` (a FORMATS key): {name, blob}. */
export async function exportFile(result, format) {
  const f = FORMATS[format] || FORMATS.json;
  const body = f.make(result.json, format === 'json' ? null : await loadConverter());
  const name = exportFileName(result.text).replace(/\.newsmark\.json$/, f.ending);
  return { name, blob: new Blob([body], { type: f.type }) };
}

/** Downloads `result` in `format`. Rejects (with the converter's message) if it cannot. */
export async function saveExport(result, format) {
  const { name, blob } = await exportFile(result, format);
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Keeps the button's label on the chosen format ("Export CSV quotes"). */
export function wireExportMenu(select, button) {
  const sync = () => {
    button.textContent = `Export ${(FORMATS[select.value] || FORMATS.json).label}`;
  };
  select.addEventListener('change', sync);
  sync();
}
