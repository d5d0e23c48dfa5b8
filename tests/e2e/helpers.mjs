// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core, pages watched
// for console errors, page errors, failed loads and requests to any other origin.

import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The built site under test: `trunk build --release` output (MOTCUA_DIST overrides, e.g. a stub). */
export const DIST = path.resolve(process.env.MOTCUA_DIST ?? path.join(REPO, 'dist'));
/** Screenshots for people to look at (gitignored). */
export const OUTPUT = path.join(REPO, 'test-output');

export const CHROMIUM = process.env.MOTCUA_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** How long the widget may take to load the wasm and the catalog (slow CI machines). */
export const READY_TIMEOUT = 30_000;

export function requireDist(files = ['index.html', 'motcua.js', 'pkg/motcua_bg.wasm']) {
  const missing = files.filter((f) => !existsSync(path.join(DIST, f)));
  if (missing.length) {
    throw new Error(
      `${DIST} lacks ${missing.join(', ')}: build it first with ` +
        '`trunk build --release --offline --skip-version-check` (scripts/test does)',
    );
  }
}

function pathOf(url) {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}

/** A route of the test server: an HTML page with the loader and `body` (its `<mot-cua>`s). */
export const widgetPage = (body, title = 'motcua') => ({
  type: 'text/html; charset=utf-8',
  body:
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title>` +
    `<script type="module" src="motcua.js"></script></head><body>${body}</body></html>`,
});

export async function launchChromium() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Opens a new context + page that records problems. `allowedOrigins` are the test servers;
 * requests anywhere else are aborted and recorded (the widget must not phone home or load from CDNs).
 * Returns { context, page, problems, assertClean() }.
 */
export async function openPage(browser, { allowedOrigins, viewport = { width: 1280, height: 800 } }) {
  const allowed = new Set(allowedOrigins);
  const context = await browser.newContext({ viewport, locale: 'vi-VN', serviceWorkers: 'block' });
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], httpErrors: [], failedRequests: [] };

  const isForeign = (url) => {
    const u = new URL(url);
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return false;
    return !allowed.has(u.origin);
  };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isForeign(url)) {
      if (!problems.foreignRequests.includes(url)) problems.foreignRequests.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  // Also catch what routing may not see (e.g. websockets).
  context.on('request', (req) => {
    if (isForeign(req.url()) && !problems.foreignRequests.includes(req.url())) problems.foreignRequests.push(req.url());
  });
  context.on('websocket', (ws) => problems.foreignRequests.push(`websocket ${ws.url()}`));

  // Count `motcua:ready` events (bubbles + composed, so it reaches the window).
  await context.addInitScript(() => {
    window.__motcuaReady = 0;
    window.addEventListener('motcua:ready', () => { window.__motcuaReady += 1; }, true);
  });

  // The print dialog is the browser's, not the widget's: headless Chromium (156.0.8078.114)
  // starts a print job that never ends, after which `page.pdf()` fails ("already being
  // printed"). Calls are counted instead (the printed windows are popups of this context).
  await context.addInitScript(() => {
    window.__printCalls = 0;
    window.print = () => { window.__printCalls += 1; };
  });

  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      // Chromium asks for /favicon.ico by itself when a page names no icon; not the widget's doing.
      if (pathOf(loc?.url) === '/favicon.ico') return;
      problems.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack ?? err)));
  page.on('response', (res) => {
    if (res.status() >= 400 && pathOf(res.url()) !== '/favicon.ico') {
      problems.httpErrors.push(`${res.status()} ${res.url()}`);
    }
  });
  page.on('requestfailed', (req) => {
    if (!isForeign(req.url())) problems.failedRequests.push(`${req.failure()?.errorText} ${req.url()}`);
  });

  function report() {
    const lines = [];
    for (const [kind, list] of Object.entries(problems)) {
      for (const item of list) lines.push(`  ${kind}: ${item}`);
    }
    return lines.join('\n');
  }
  function assertClean(what) {
    const text = report();
    if (text) throw new Error(`${what}: the page had problems:\n${text}`);
  }

  return { context, page, problems, report, assertClean };
}

/** Waits until the widget on the page has fired `motcua:ready`, or fails with its error text. */
export async function waitForWidget(page, { timeout = READY_TIMEOUT } = {}) {
  await page.locator('mot-cua').first().waitFor({ state: 'attached', timeout });
  const outcome = await page
    .waitForFunction(
      () => {
        if (window.__motcuaReady > 0) return 'ready';
        const err = document.querySelector('mot-cua')?.shadowRoot?.querySelector('.error');
        return err ? `error: ${err.textContent.trim()}` : false;
      },
      null,
      { timeout, polling: 100 },
    )
    .then((h) => h.jsonValue())
    .catch((e) => `not ready after ${timeout} ms (${e.message.split('\n')[0]})`);
  if (outcome !== 'ready') throw new Error(`widget did not become ready: ${outcome}`);
  await page.locator('mot-cua input[type=search][role=combobox]').first().waitFor({ state: 'visible', timeout });
}

/** Retries `fn` (which throws until satisfied) until it passes or `timeout` ms have gone by. */
export async function eventually(fn, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  const file = path.join(OUTPUT, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

/**
 * Opens `pagePath` from `server` in a new context of `browser`, waits for the widget (unless
 * `ready` is false; `init` runs in the page before its own scripts), runs `fn(page)`, then fails on any console error, page error, failed load or
 * request to another origin, except those matching one of `expected` (regular expressions). When
 * `fn` fails, those problems are added to the error (they usually explain it).
 */
export async function visit(browser, server, pagePath, viewport, fn, { now, ready = true, expected = [], init } = {}) {
  const { context, page, problems, report, assertClean } = await openPage(browser, {
    allowedOrigins: [server.origin],
    viewport,
  });
  // The page's clock, when the test needs a fixed "now" (the browser's local time, as the machine's).
  if (now) await page.clock.setFixedTime(now);
  // A script of the test's, run in the page before the page's own.
  if (init) await page.addInitScript(init);
  const what = `${pagePath} at ${viewport.width}x${viewport.height}`;
  try {
    try {
      const response = await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load' });
      assert.equal(response.status(), 200, `GET ${pagePath}`);
      if (ready) await waitForWidget(page);
      await fn(page);
    } catch (err) {
      const seen = report();
      if (seen) err.message += `\n(${what}: the page also had problems:\n${seen})`;
      throw err;
    }
    for (const list of Object.values(problems)) {
      for (let i = list.length - 1; i >= 0; i--) if (expected.some((re) => re.test(list[i]))) list.splice(i, 1);
    }
    assertClean(what);
  } finally {
    await context.close();
  }
}
