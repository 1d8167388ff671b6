// The page's side of the annotation worker (worker.js), behind one call: annotate(text, date).
// It owns what the page must not get wrong: one request in flight at a time, only the newest waiting
// one sent next, results of older requests dropped by sequence number, and a watchdog that restarts a
// worker stuck on a text, so the page never hangs.

/** A worker silent for this long (plus 1 s per 10,000 characters) is restarted. */
const WATCHDOG_MS = 20_000;

// The page requires Trusted Types (see the CSP in index.html): this one policy lets exactly the
// worker's own URL through, and nothing else can reach a script or HTML sink.
const WORKER_URL = new URL('./worker.js', import.meta.url).href;
const policy = globalThis.trustedTypes
  ? globalThis.trustedTypes.createPolicy('newsmark-worker', {
      createScriptURL: (url) => {
        if (url !== WORKER_URL) throw new TypeError(`refused script URL ${url}`);
        return url;
      },
    })
  : { createScriptURL: (url) => url };

/**
 * Why an annotate() promise was rejected, in `error.kind`:
 * - "stale": a newer annotate() call replaced this one (nothing is wrong; ignore it);
 * - "failed": the annotator refused or crashed on this text (the message says which);
 * - "options": the annotator refused the options (the document date): the message says why;
 * - "timeout": the annotator took too long on this text and was restarted;
 * - "unavailable": the annotator cannot run at all (see `onUnavailable`).
 */
export class AnnotateError extends Error {
  constructor(kind, message) {
    super(message);
    this.name = 'AnnotateError';
    this.kind = kind;
  }
}

/**
 * Starts the worker. `onReady(ms)` runs each time a (re)started worker has loaded the annotator;
 * `onUnavailable(reason)` once if it cannot load (wasm or glue missing, no Worker support), after
 * which every call rejects; `onChange()` whenever `ready` or `busy` may have changed.
 */
export function createAnnotator({ onReady = () => {}, onUnavailable = () => {}, onChange = () => {} } = {}) {
  let worker = null;
  let ready = false;
  let dead = null; // the reason the annotator cannot run, once known
  let seq = 0;
  let inFlight = null; // {seq, text, date, resolve, reject}: posted, not answered yet
  let waiting = null; // the newest request not posted yet (the worker is busy or loading)
  let watchdog = 0;

  const changed = () => onChange();

  /** Resolves or rejects `req` once; later answers for it are ignored. */
  function settle(req, error, value) {
    if (req.settled) return;
    req.settled = true;
    if (error) req.reject(error);
    else req.resolve(value);
  }

  function start() {
    ready = false;
    worker = new Worker(policy.createScriptURL(WORKER_URL), { type: 'module' });
    const me = worker;
    worker.onmessage = (event) => {
      if (me === worker) onMessage(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      if (me === worker) giveUp(`the annotator could not be started${event.message ? ` (${event.message})` : ''}`);
    };
    changed();
  }

  function restart() {
    clearTimeout(watchdog);
    worker.terminate();
    start();
  }

  function giveUp(reason) {
    if (dead) return;
    dead = reason;
    clearTimeout(watchdog);
    ready = false;
    for (const req of [inFlight, waiting]) if (req) settle(req, new AnnotateError('unavailable', reason));
    inFlight = waiting = null;
    onUnavailable(reason);
    changed();
  }

  function post() {
    if (!ready || inFlight || !waiting || dead) return;
    inFlight = waiting;
    waiting = null;
    const { seq: s, text, date } = inFlight;
    worker.postMessage({ seq: s, text, date });
    clearTimeout(watchdog);
    watchdog = setTimeout(() => {
      if (!inFlight || inFlight.seq !== s) return;
      const req = inFlight;
      inFlight = null;
      restart();
      settle(req, new AnnotateError('timeout', 'annotating this text took too long, so it was stopped'));
    }, WATCHDOG_MS + text.length / 10);
  }

  function onMessage(msg) {
    if (msg.type === 'ready') {
      ready = true;
      onReady(msg.ms);
      post();
      changed();
    } else if (msg.type === 'fatal') {
      giveUp(`the WebAssembly module did not load (${msg.message})`);
    } else if (msg.type === 'result' || msg.type === 'error') {
      // One answer per post: an answer to anything but the request in flight is from a worker state
      // long gone and is dropped.
      if (!inFlight || msg.seq !== inFlight.seq) return;
      clearTimeout(watchdog);
      const req = inFlight;
      inFlight = null;
      // A crash (wasm trap) leaves the module's memory unusable: only a fresh worker is safe.
      if (msg.type === 'error' && msg.fatal) restart();
      else post();
      // A request replaced meanwhile (req.seq !== seq) was told "stale" already: its answer is dropped.
      if (req.seq === seq) {
        if (msg.type === 'error') settle(req, new AnnotateError(msg.options ? 'options' : 'failed', msg.message));
        else {
          const { text, date } = req;
          settle(req, null, { seq: req.seq, text, date, exp: msg.exp, json: msg.json, ms: msg.ms, words: msg.words });
        }
      }
      changed();
    }
  }

  /**
   * Annotates `text` with document date `date` ("YYYY-MM-DD" or null: detect it). Resolves to
   * {seq, text, date, exp, json, ms, words}; rejects with an AnnotateError. A newer call makes this
   * one "stale" at once, and its result, when it comes, is dropped.
   */
  function annotate(text, date = null) {
    return new Promise((resolve, reject) => {
      if (dead) return reject(new AnnotateError('unavailable', dead));
      // The request in flight still runs to its end (a worker cannot be interrupted); its caller is
      // told now, so nobody waits for an answer that will be dropped.
      const stale = new AnnotateError('stale', 'replaced by a newer request');
      if (inFlight) settle(inFlight, stale);
      if (waiting) settle(waiting, stale);
      waiting = { seq: ++seq, text, date, resolve, reject, settled: false };
      post();
      changed();
    });
  }

  // Started after this returns, so the callbacks can already use what it returns.
  queueMicrotask(() => {
    if (typeof Worker !== 'function' || typeof WebAssembly !== 'object') {
      giveUp('this browser does not support Web Workers or WebAssembly');
    } else start();
  });

  return {
    annotate,
    /** The annotator has loaded and can take requests. */
    get ready() {
      return ready;
    },
    /** A request is in flight or waiting. */
    get busy() {
      return Boolean(inFlight || waiting);
    },
  };
}
