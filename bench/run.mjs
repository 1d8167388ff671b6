#!/usr/bin/env node
// newsmark against its peers, side by side: every engine runs in THIS node process over the SAME
// texts, so the throughput ratios compare like with like. Also a scale run (10 KB, 1 MB, 10 MB)
// showing newsmark's time is linear in the text's length.
//
// Usage (scripts/bench.sh installs the deps and builds what is missing first):
//   node bench/run.mjs [--mb 1] [--budget 20] [--no-peers] [--no-scale] [--no-native]
//     --mb N       size of the comparison set, in MB of UTF-8 (default 1)
//     --budget S   seconds of timed passes per engine at most (default 20; at least one pass runs)
//     --no-peers   skip the peer comparison      --no-scale   skip the scale run
//     --no-native  scale run in wasm only (otherwise the release CLI is timed too when built)
// Corpus: $NEWSMARK_SHARED/data/bbc-news.jsonl.gz (default ../shared next to the repo); when absent,
// a small built-in corpus (bench/fallback-corpus.mjs) is used and the run says so.
// Results also go to bench/out/results.json.

import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';
import { createRequire } from 'node:module';
import { execFileSync, spawnSync } from 'node:child_process';
import { FALLBACK_ARTICLES } from './fallback-corpus.mjs';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.resolve(HERE, '..');
const SHARED = process.env.NEWSMARK_SHARED ?? path.join(ROOT, '..', 'shared');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const num = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : dflt;
};
const SET_MB = num('--mb', 1);
const BUDGET_S = num('--budget', 20);

const MB = 1e6;
const bytes = (s) => Buffer.byteLength(s, 'utf8');
const now = () => Number(process.hrtime.bigint()) / 1e9;
const fmt = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

// ---------- corpus ----------
function loadCorpus() {
  const file = path.join(SHARED, 'data', 'bbc-news.jsonl.gz');
  if (!fs.existsSync(file)) {
    console.log(`[bench] ${file} not found: using the built-in fallback corpus (${FALLBACK_ARTICLES.length} articles)`);
    return { source: 'built-in fallback corpus (bench/fallback-corpus.mjs)', texts: FALLBACK_ARTICLES };
  }
  const texts = zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text)
    .filter((t) => typeof t === 'string' && t.length > 0);
  return { source: path.relative(ROOT, file), texts };
}

/** Articles spread evenly over the corpus (all categories) until `target` bytes; repeats a small corpus. */
function comparisonSet(texts, target) {
  const total = texts.reduce((n, t) => n + bytes(t), 0);
  const step = Math.max(1, Math.floor(total / target));
  const out = [];
  let size = 0;
  for (let round = 0; size < target && round < 10_000; round++) {
    for (let i = round % step; i < texts.length && size < target; i += step) {
      out.push(texts[i]);
      size += bytes(texts[i]);
    }
  }
  return { texts: out, bytes: size };
}

// ---------- bundle sizes ----------
/** The files an entry pulls in through relative imports/requires (what a bundler would ship). */
function closure(entry) {
  const seen = new Set();
  const stack = [entry];
  const re = /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f) || !fs.existsSync(f)) continue;
    seen.add(f);
    if (!f.endsWith('.js') && !f.endsWith('.mjs') && !f.endsWith('.cjs')) continue;
    const src = fs.readFileSync(f, 'utf8');
    for (const m of src.matchAll(re)) {
      const spec = m[1];
      let resolved = null;
      if (spec.startsWith('.')) {
        const p = path.resolve(path.dirname(f), spec);
        resolved = [p, `${p}.js`, `${p}.json`, path.join(p, 'index.js')].find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
      } else if (!spec.startsWith('node:')) {
        try {
          resolved = createRequire(f).resolve(spec);
          if (!resolved.includes('node_modules')) resolved = null; // a node builtin
        } catch {
          resolved = null;
        }
      }
      if (resolved) stack.push(resolved);
    }
  }
  return [...seen];
}

/** Gzipped size of files shipped together (one concatenated bundle). */
function bundleGz(files) {
  return gz(Buffer.concat(files.map((f) => fs.readFileSync(f))));
}

// ---------- engines ----------
const NM = path.join(ROOT, 'pkg-node', 'newsmark.js');
const NM_WEB = path.join(ROOT, 'www', 'pkg');
const nodeModule = (p) => path.join(HERE, 'node_modules', p);

const engines = {
  newsmark: {
    name: 'newsmark (wasm)',
    does: 'quotes+speakers, entities, dates (all three layers)',
    async load() {
      const nm = require(NM);
      nm.annotate('Warm-up.', undefined); // builds the shared annotator (regexes, lexicons)
      return (t) => nm.annotate(t, undefined).annotations.length;
    },
    bundle() {
      const wasm = gz(fs.readFileSync(path.join(NM_WEB, 'newsmark_bg.wasm')));
      const glue = gz(fs.readFileSync(path.join(NM_WEB, 'newsmark.js')));
      return { gz: wasm + glue, note: `wasm ${fmt(wasm / 1024, 0)} KB + glue ${fmt(glue / 1024, 1)} KB`, wasmGz: wasm };
    },
  },
  'newsmark-json': {
    name: 'newsmark (wasm, JSON text)',
    does: 'the same, returned as JSON text (annotateJson) instead of JS objects',
    async load() {
      const nm = require(NM);
      nm.annotateJson('Warm-up.', undefined);
      return (t) => {
        nm.annotateJson(t, undefined);
        return 0; // the same annotations as the row above
      };
    },
    bundle() {
      return engines.newsmark.bundle();
    },
  },
  'newsmark-dates': {
    name: 'newsmark (wasm, dates only)',
    does: 'dates and times with TIMEX3 values (layers: ["dates"])',
    async load() {
      const nm = require(NM);
      const options = { layers: ['dates'] };
      nm.annotate('Warm-up on Tuesday.', options);
      return (t) => nm.annotate(t, options).annotations.length;
    },
    bundle() {
      return engines.newsmark.bundle();
    },
  },
  compromise: {
    name: 'compromise + compromise-dates',
    does: 'people, places, organizations, dates (resolved), quotations',
    async load() {
      const nlp = (await import('compromise')).default;
      const dates = (await import('compromise-dates')).default;
      nlp.plugin(dates);
      const run = (t) => {
        const doc = nlp(t);
        return (
          doc.people().out('array').length +
          doc.places().out('array').length +
          doc.organizations().out('array').length +
          doc.dates().get().length +
          doc.quotations().out('array').length
        );
      };
      run('Warm-up on Friday.');
      return run;
    },
    bundle() {
      const files = [nodeModule('compromise/builds/compromise.js'), nodeModule('compromise-dates/builds/compromise-dates.min.js')];
      return { gz: bundleGz(files), note: 'builds/compromise.js + compromise-dates.min.js' };
    },
  },
  chrono: {
    name: 'chrono-node (en)',
    does: 'dates and times (casual English parser)',
    async load() {
      const chrono = await import('chrono-node/en');
      const ref = new Date(Date.UTC(2005, 0, 1));
      const run = (t) => chrono.casual.parse(t, ref).length;
      run('Warm-up on Friday.');
      return run;
    },
    bundle() {
      const files = closure(nodeModule('chrono-node/dist/esm/locales/en/index.js'));
      return { gz: bundleGz(files), note: `${files.length} unminified ESM files (chrono-node/en and its imports)` };
    },
  },
  wink: {
    name: 'wink-nlp + eng-lite-web-model',
    does: 'tokens, sentences, entities (dates, times, numbers...)',
    async load() {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      const its = nlp.its;
      const run = (t) => {
        const doc = nlp.readDoc(t);
        return doc.entities().out(its.detail).length + doc.sentences().length();
      };
      run('Warm-up on Friday.');
      return run;
    },
    bundle() {
      const files = [...closure(require.resolve('wink-nlp')), ...closure(require.resolve('wink-eng-lite-web-model'))];
      return { gz: bundleGz(files), note: `${files.length} files (wink-nlp + model, as shipped)` };
    },
  },
};

/** Loads an engine (timed: import, set-up, first call) and warms it up on a few texts. */
async function loadEngine(key, set) {
  const e = engines[key];
  const t0 = now();
  const run = await e.load();
  const loadMs = (now() - t0) * 1000;
  for (const t of set.texts.slice(0, 5)) run(t);
  return { key, name: e.name, does: e.does, run, loadMs, passes: [], spent: 0, items: 0 };
}

/**
 * Timed passes over the whole set, interleaved across engines (A B C, A B C, ...) so that a
 * busy machine slows every engine alike; up to 3 passes each while within the time budget, the
 * best pass counts.
 */
function measureInterleaved(states, set) {
  for (let round = 0; round < 3; round++) {
    for (const s of states) {
      if (!s.run || (round > 0 && s.spent >= BUDGET_S)) continue;
      const p0 = now();
      let items = 0;
      for (const t of set.texts) items += s.run(t);
      const dt = now() - p0;
      s.passes.push(dt);
      s.spent += dt;
      s.items = items;
    }
  }
  return states.map((s) => {
    let bundle;
    try {
      bundle = engines[s.key].bundle();
    } catch (err) {
      bundle = { gz: NaN, note: `not measured: ${err.message}` };
    }
    const best = s.passes.length ? Math.min(...s.passes) : NaN;
    return { key: s.key, name: s.name, does: s.does, mbps: set.bytes / MB / best, loadMs: s.loadMs, passes: s.passes.length, items: s.items, bundle };
  });
}

function table(rows, header) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---------- scale ----------
/** `size` bytes (or a little less, on a char boundary) of the corpus concatenated and repeated as needed. */
function textOfSize(texts, size) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < size; i = (i + 1) % texts.length) {
    parts.push(texts[i]);
    n += bytes(texts[i]) + 2;
  }
  const full = Buffer.from(parts.join('\n\n'), 'utf8');
  // Back off to a char start when the cut falls inside a UTF-8 sequence.
  let end = Math.min(size, full.length);
  while (end > 0 && end < full.length && (full[end] & 0xc0) === 0x80) end--;
  return full.subarray(0, end).toString('utf8');
}

/** `text` cut into pieces of about `size` bytes, each ending on a char boundary. */
function chunks(text, size) {
  const buf = Buffer.from(text, 'utf8');
  const out = [];
  for (let start = 0; start < buf.length; ) {
    let end = Math.min(start + size, buf.length);
    while (end > start && end < buf.length && (buf[end] & 0xc0) === 0x80) end--;
    out.push(buf.subarray(start, end).toString('utf8'));
    start = end;
  }
  return out;
}

// Linearity is measured on the SAME 10 MB at every size (the corpus concatenated, cut into 1000
// pieces of 10 KB, 10 of 1 MB, or 1 of 10 MB, one call per piece), so the content is identical
// and only the length of each call changes.
function scaleWasm(big, sizes) {
  const nm = require(NM);
  nm.annotate('Warm-up.', undefined);
  return sizes.map(([label, size]) => {
    const pieces = chunks(big, size);
    const total = bytes(big);
    const samples = [];
    for (let k = 0; k < 2; k++) {
      const s0 = now();
      for (const p of pieces) nm.annotate(p, undefined);
      samples.push(now() - s0);
    }
    const best = Math.min(...samples);
    return { label, bytes: size, pieces: pieces.length, seconds: best, mbps: total / MB / best };
  });
}

function scaleNative(big, sizes) {
  const bin = path.join(ROOT, 'target', 'release', 'newsmark');
  if (!fs.existsSync(bin)) return null;
  const dir = path.join(HERE, 'out');
  fs.mkdirSync(dir, { recursive: true });
  const total = bytes(big);
  return sizes.map(([label, size]) => {
    // One JSONL batch of the same 10 MB: process start-up is paid once at every size.
    const file = path.join(dir, `scale-${label.replace(/\s/g, '')}.jsonl`);
    fs.writeFileSync(file, chunks(big, size).map((text) => `${JSON.stringify({ text })}\n`).join(''));
    let best = Infinity;
    for (let r = 0; r < 2; r++) {
      const t0 = now();
      const res = spawnSync(bin, ['annotate', '--jsonl', file], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
      const dt = now() - t0;
      if (res.status !== 0) throw new Error(`newsmark CLI failed: ${res.stderr}`);
      best = Math.min(best, dt);
    }
    fs.rmSync(file);
    return { label, bytes: size, seconds: best, mbps: total / MB / best };
  });
}

// ---------- main ----------
async function main() {
  if (!fs.existsSync(NM)) {
    console.error(`[bench] ${path.relative(ROOT, NM)} is missing: run scripts/bench.sh (it builds the wasm) or scripts/build-web.sh`);
    process.exit(2);
  }
  const corpus = loadCorpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {}
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  console.log(`[bench] newsmark ${commit}, node ${process.version}, ${cpu} (${os.cpus().length} cores), ${new Date().toISOString()}`);
  console.log(`[bench] corpus: ${corpus.source}, ${corpus.texts.length} texts, ${fmt(corpus.texts.reduce((n, t) => n + bytes(t), 0) / MB)} MB`);
  const results = { commit, node: process.version, cpu, corpus: corpus.source, date: new Date().toISOString() };

  if (!flag('--no-peers')) {
    const set = comparisonSet(corpus.texts, SET_MB * MB);
    console.log(`[bench] comparison set: ${set.texts.length} texts, ${fmt(set.bytes / MB)} MB, the same for every engine`);
    const states = [];
    for (const key of ['newsmark', 'newsmark-json', 'newsmark-dates', 'compromise', 'chrono', 'wink']) {
      try {
        const s = await loadEngine(key, set);
        states.push(s);
        console.log(`[bench] loaded ${s.name} in ${fmt(s.loadMs, 0)} ms`);
      } catch (err) {
        console.log(`[bench] ${engines[key].name} failed to load: ${err.message}`);
        states.push({ key, name: engines[key].name, does: engines[key].does, run: null, loadMs: NaN, passes: [], spent: 0, items: 0 });
      }
    }
    console.log(`[bench] timing passes, interleaved across engines (budget ${BUDGET_S} s each, at most 3 passes)`);
    const rows = measureInterleaved(states, set);
    for (const r of rows) console.log(`[bench] ${r.name}: ${fmt(r.mbps)} MB/s (${r.passes} passes)`);
    const nm = rows.find((r) => r.key === 'newsmark');
    // Dates against dates: newsmark with only its date layer, over the same texts as chrono-node.
    const datesRatio = rows.find((r) => r.key === 'newsmark-dates').mbps / rows.find((r) => r.key === 'chrono').mbps;
    console.log('\n### newsmark and its peers (same node process, same texts)\n');
    console.log(
      table(
        rows.map((r) => [
          r.name,
          r.does,
          fmt(r.mbps),
          r.key === 'newsmark' || r.key.startsWith('newsmark-')
            ? '—'
            : r.key === 'chrono'
              ? `${fmt(datesRatio, 1)}× (dates only)`
              : `${fmt(nm.mbps / r.mbps, 1)}×`,
          r.key.startsWith('newsmark-') ? '(as above)' : fmt(r.loadMs, 0),
          fmt(r.bundle.gz / 1024, 0),
          r.key === 'newsmark-json' ? '(as above)' : r.items,
        ]),
        ['engine', 'what it finds', 'MB/s', 'newsmark ÷ engine', 'load ms', 'bundle KB gz', 'items found'],
      ),
    );
    console.log('\nBundles: ' + rows.map((r) => `${r.name}: ${r.bundle.note}`).join('; '));
    const ratio = (k) => nm.mbps / rows.find((r) => r.key === k).mbps;
    const wasmGz = nm.bundle.wasmGz;
    const targets = [
      ['≥ 20× compromise throughput (all three layers)', ratio('compromise') >= 20, `${fmt(ratio('compromise'), 1)}×`],
      ['≥ 1× chrono-node throughput (dates alone)', datesRatio >= 1, `${fmt(datesRatio, 1)}×`],
      ['wasm ≤ 1 MB gzipped', wasmGz <= 1024 * 1024, `${fmt(wasmGz / 1024, 0)} KB`],
    ];
    console.log('\n### targets (issue 5)\n');
    console.log(table(targets.map(([t, ok, v]) => [t, v, ok ? 'met' : 'NOT met']), ['target', 'measured', '']));
    results.setBytes = set.bytes;
    results.setTexts = set.texts.length;
    results.engines = rows;
    results.targets = targets.map(([t, ok, v]) => ({ target: t, measured: v, met: ok }));
  }

  if (!flag('--no-scale')) {
    const sizes = [
      ['10 KB', 10_000],
      ['1 MB', MB],
      ['10 MB', 10 * MB],
    ];
    console.log('\n### scale: newsmark throughput by text size\n');
    const big = textOfSize(corpus.texts, 10 * MB);
    console.log(`the same ${fmt(bytes(big) / MB)} MB (corpus concatenated) annotated in pieces of each size, one call per piece\n`);
    const wasm = scaleWasm(big, sizes);
    const native = flag('--no-native') ? null : scaleNative(big, sizes);
    const spread = (rs) => Math.max(...rs.map((r) => r.mbps)) / Math.min(...rs.map((r) => r.mbps));
    const rows = wasm.map((w, i) => [
      w.label,
      w.pieces,
      fmt((w.seconds * 1000) / w.pieces, 1),
      fmt(w.mbps),
      native ? fmt(native[i].mbps) : 'not built',
    ]);
    console.log(table(rows, ['text size', 'calls', 'wasm ms per call', 'wasm MB/s', 'native CLI MB/s (JSONL batch)']));
    const verdict = (s) => `${fmt(s)}× (${s <= 2 ? 'linear: within 2×' : 'NOT within 2×'})`;
    console.log(`\nmax/min throughput: wasm ${verdict(spread(wasm))}${native ? `, native ${verdict(spread(native))}` : ''}`);
    results.scale = { wasm, native, wasmSpread: spread(wasm), nativeSpread: native ? spread(native) : null };
  }

  const out = path.join(HERE, 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`\n[bench] results written to ${path.relative(ROOT, path.join(out, 'results.json'))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
