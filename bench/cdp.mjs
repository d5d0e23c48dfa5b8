// Chromium driven over the DevTools protocol's pipe, with nothing in the pages but what is asked
// (bench/load.mjs). Playwright (tests/e2e) enables the Network domain on every page, and with it
// DevTools keeps every response's body and decodes the catalog as text on the page's main thread,
// and it adds a world of its own to every frame: 20-40 ms of a national load that no visitor's
// browser spends (BENCHMARKS.md, session 22). Here a page has only what a timing needs: the
// Page and Runtime domains, for a script run as it starts and its console, and the Network domain
// only to throttle, with no body kept.
//
//   const browser = await launchBare();
//   const context = await browser.newContext({ width: 360, height: 740 });
//   const tab = await context.newPage();   // tab.send(method, params), tab.on(event, listener)
//   ...; await context.close(); await browser.close();

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { CHROMIUM, CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';

/**
 * What Playwright's launch gives Chromium besides CHROMIUM_ARGS that bears on timing, so that the
 * browser is the one the rest of the benchmarks drive: no throttling of timers or of pages in the
 * background, no holding of the first paint after a navigation, no field trials.
 */
const SWITCHES = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-field-trial-config',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--disable-back-forward-cache',
  '--disable-features=PaintHolding,OptimizationHints,MediaRouter',
  '--disable-ipc-flooding-protection',
  '--disable-hang-monitor',
  '--disable-extensions',
  '--disable-default-apps',
  '--allow-pre-commit-input',
  '--remote-debugging-pipe',
  '--no-startup-window',
];

/** A browser: one process, spoken to over fds 3 (to it) and 4 (from it), NUL-ended JSON. */
export async function launchBare() {
  const profile = mkdtempSync(path.join(tmpdir(), 'motcua-bench-'));
  const child = spawn(CHROMIUM, [...CHROMIUM_ARGS, ...SWITCHES, `--user-data-dir=${profile}`], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
  });
  const [toBrowser, fromBrowser] = [child.stdio[3], child.stdio[4]];
  let next = 0;
  const waiting = new Map();
  const listeners = new Map(); // sessionId -> [{ method, listener }]
  let buffered = '';
  fromBrowser.setEncoding('utf8'); // a character split between two chunks stays whole
  fromBrowser.on('data', (chunk) => {
    buffered += chunk;
    let end;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end));
      buffered = buffered.slice(end + 1);
      if (message.id !== undefined) {
        const asked = waiting.get(message.id);
        if (!asked) continue; // failed already (the browser went)
        const { resolve, reject, method } = asked;
        waiting.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      } else {
        for (const { method, listener } of listeners.get(message.sessionId ?? '') ?? []) {
          if (method === message.method) listener(message.params);
        }
      }
    }
  });
  // A browser that cannot start or stops fails what is waiting for it, instead of leaving it waiting.
  let gone = null;
  const fail = (error) => {
    gone ??= error;
    for (const { reject } of waiting.values()) reject(gone);
    waiting.clear();
  };
  child.on('error', (error) => fail(new Error(`cannot start ${CHROMIUM}: ${error.message}`)));
  for (const pipe of [toBrowser, fromBrowser]) {
    pipe.on('error', (error) => fail(new Error(`Chromium's pipe: ${error.message}`)));
  }
  const exited = new Promise((resolve) => {
    child.on('exit', (code) => {
      fail(new Error(`Chromium exited (${code})`));
      resolve();
    });
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      if (gone) return reject(gone);
      const id = next++;
      waiting.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  // The browser is ready once it answers.
  await send('Browser.getVersion').catch((error) => {
    child.kill();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  });

  return {
    async newContext(viewport) {
      const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true });
      return {
        async newPage() {
          const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
          const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
          listeners.set(sessionId, []);
          const tab = {
            send: (method, params) => send(method, params, sessionId),
            on: (method, listener) => listeners.get(sessionId).push({ method, listener }),
            close: async () => {
              listeners.delete(sessionId);
              await send('Target.closeTarget', { targetId });
            },
          };
          await tab.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false });
          return tab;
        },
        close: () => send('Target.disposeBrowserContext', { browserContextId }),
      };
    },
    async close() {
      await send('Browser.close').catch(() => {});
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
