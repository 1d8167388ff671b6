// Shared by the browser tests: a static server for www/ inside the test process, Debian's Chromium
// through playwright-core, and a page that records console problems and dialogs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const WWW = path.join(ROOT, 'www');
export const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves www/ on 127.0.0.1 at a free port; resolves to {url, close, requests}. */
export async function serveWww() {
  if (!existsSync(path.join(WWW, 'pkg', 'newsmark_bg.wasm'))) {
    throw new Error('www/pkg/ is missing: build the wasm first with `bash scripts/build-web.sh`');
  }
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push(url.pathname);
    let file = path.normalize(path.join(WWW, decodeURIComponent(url.pathname)));
    if (!file.startsWith(WWW)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Debian's Chromium, headless, with no background traffic. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * One static server and one browser for a whole test file: registers the `before` and `after`
 * hooks and returns `{server, browser}`, filled in once `before` has run.
 */
export function sharedBrowser() {
  const env = { server: null, browser: null };
  before(async () => {
    env.server = await serveWww();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A fresh context and page that records console errors/warnings, page errors, dialogs and every
 * request that leaves 127.0.0.1. `problems()` lists what went wrong.
 */
export async function openPage(browser, baseUrl, { colorScheme = 'light', viewport = { width: 1280, height: 860 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl.replace(/\/$/, '') });
  const page = await context.newPage();
  const log = { console: [], errors: [], dialogs: [], foreign: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.console.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('dialog', (d) => {
    log.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('blob:') && !u.startsWith('data:')) log.foreign.push(u);
  });
  page.on('worker', (w) => {
    w.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') log.console.push(`worker ${m.type()}: ${m.text()}`);
    });
  });
  return {
    context,
    page,
    log,
    problems: () => [...log.console, ...log.errors, ...log.dialogs.map((d) => `dialog ${d}`), ...log.foreign.map((u) => `request to ${u}`)],
  };
}

/** A fresh page (see `openPage`) of the shared browser `env`, loaded and idle. */
export async function freshPage(env, options) {
  const session = await openPage(env.browser, env.server.url, options);
  await session.page.goto(env.server.url);
  await idle(session.page);
  return session;
}

/** Waits until the page has annotated and drawn everything it was asked to (html[data-state=idle]). */
export async function idle(page, timeout = 30_000) {
  await page.waitForFunction(() => document.documentElement.dataset.state === 'idle', null, { timeout, polling: 50 });
}

/** Puts `text` in the box as a person would paste it (a trusted paste switches to the reading view). */
export async function paste(page, text) {
  await page.locator('#mode-edit').click();
  await page.locator('#input').fill('');
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#input').focus();
  await page.keyboard.press('Control+V');
  await page.locator('#view').waitFor({ state: 'visible' });
  await idle(page);
}

/** The export the page offers, as downloaded: {name, bytes, json}. */
export async function exportDownload(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export').click()]);
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const c of stream) chunks.push(c);
  const bytes = Buffer.concat(chunks);
  return { name: download.suggestedFilename(), bytes, json: JSON.parse(bytes.toString('utf8')) };
}

/**
 * Chromium's own accessibility tree (CDP Accessibility domain) for the elements matching
 * `selector`: [{role, name, description, ignored, focusable}] in document order. This is what a
 * screen reader is given, so CSS-generated text, aria-hidden and inert count as they do for one.
 */
export async function axNodes(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector });
    const out = [];
    for (const nodeId of nodeIds) {
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      const n = nodes[0] || {};
      const prop = (name) => (n.properties || []).find((p) => p.name === name)?.value?.value;
      out.push({
        role: n.role?.value ?? null,
        name: n.name?.value ?? '',
        description: n.description?.value ?? '',
        ignored: Boolean(n.ignored),
        focusable: Boolean(prop('focusable')),
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}
