// The annotator runs here, off the main thread, so typing and scrolling never wait for it.
// Protocol: in  {seq, text, date}           (date: "YYYY-MM-DD" or null = detect from the text)
//           out {type: "ready", ms} | {type: "fatal", message}
//               {type: "result", seq, json, exp, ms, words} | {type: "error", seq, message, fatal, options}
//           (options: true when the options, i.e. the date, were refused, not the text)
import init, { annotateJson } from './pkg/newsmark.js';
import { countWords } from './words.js';

const started = performance.now();
const ready = init().then(
  () => {
    postMessage({ type: 'ready', ms: performance.now() - started });
    return true;
  },
  (e) => {
    postMessage({ type: 'fatal', message: describe(e) });
    return false;
  },
);

function describe(e) {
  return (e && e.message) || String(e);
}

self.onmessage = async (event) => {
  const { seq, text, date } = event.data;
  if (!(await ready)) return; // the fatal message has been sent already
  const options = date ? { document_date: date } : null;
  if (options) {
    // The options are checked on an empty text first, so a refused date is told apart from a
    // refused text, and the annotator's own message (its one date range) reaches the date field.
    try {
      annotateJson('', options);
    } catch (e) {
      postMessage({ type: 'error', seq, message: describe(e), fatal: false, options: true });
      return;
    }
  }
  const t0 = performance.now();
  try {
    // annotateJson gives the CLI's exact bytes for the download; the parsed copy feeds the page.
    const json = annotateJson(text, options);
    const ms = performance.now() - t0;
    // Words are counted here too: on a long article that is tens of milliseconds the page keeps.
    postMessage({ type: 'result', seq, json, exp: JSON.parse(json), ms, words: countWords(text) });
  } catch (e) {
    const trapped = e instanceof WebAssembly.RuntimeError;
    postMessage({
      type: 'error',
      seq,
      message: trapped ? `the annotator crashed on this text (${describe(e)}); please report it with the text` : describe(e),
      fatal: trapped,
    });
  }
};
