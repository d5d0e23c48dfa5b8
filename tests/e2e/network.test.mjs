// A weak network (issue 9, point 2): the catalog is tried again after a pause when the server is
// busy or the connection drops; a catalog that came once is kept on the device and shown, with its
// date, when the network fails; a catalog older than the page allows is said to be old; without a
// kept copy the failure is said in words with a retry, which recovers.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, eventually, launchChromium, openPage, requireDist, visit, waitForWidget, widgetPage } from './helpers.mjs';

const DESKTOP = { width: 1280, height: 800 };
const CATALOG = '/net/commune-demo.json';

const page = (attributes) => widgetPage(`<mot-cua catalog="net/commune-demo.json" ${attributes}></mot-cua>`, 'motcua network');

// How the next catalog requests fail: 'busy' (503), 'drop' (the connection is cut) or nothing; and
// while `offline`, every one is cut. (The loader's own request is the widget's first attempt;
// whether Chromium asks again by itself after a cut varies: the tests do not count on it.)
let failing = [];
let offline = false;
let served = 0;
// While `revised`, the catalog served is another edition: the same bytes but its date, a day later.
let revised = false;
const ROUTES = {
  '/net.html': page(''),
  '/net-stale.html': page('stale-after="7"'),
  [CATALOG]: (req, res) => {
    served += 1;
    const how = offline ? 'drop' : failing.shift();
    if (how === 'busy') return res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    if (how === 'drop') return req.socket.destroy();
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    const catalog = readFileSync(path.join(DIST, 'catalogs/commune-demo.json'), 'utf8');
    return res.end(revised ? catalog.replace('"generated_at":"2026-11-22"', '"generated_at":"2026-11-23"') : catalog);
  },
};
// The index's records are beside it.
for (const code of ['1.001193']) {
  ROUTES[`/net/commune-demo/${code}.json`] = {
    type: 'application/json; charset=utf-8',
    body: readFileSync(path.join(DIST, `catalogs/commune-demo/${code}.json`)),
  };
}

let server;
let browser;

before(async () => {
  requireDist(['index.html', 'motcua.js', 'pkg/motcua_bg.wasm', 'catalogs/commune-demo.json']);
  server = await startServer({ root: DIST, routes: ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const EXPECTED = [/503/, /net\/commune-demo\.json/, /ERR_/];

describe('a weak network', () => {
  test('a busy server: the catalog is asked for again after a pause, and comes', () => {
    failing = ['busy', 'busy'];
    served = 0;
    return visit(
      browser,
      server,
      'net.html',
      DESKTOP,
      async (p) => {
        assert.equal(served, 3, 'two failures, then the catalog');
        await p.locator('mot-cua input[type=search]').fill('khai sinh');
        await p.locator('mot-cua li[role=option]').first().waitFor();
        assert.equal(await p.locator('mot-cua .freshness').count(), 0, 'fresh data: nothing to say');
      },
      { expected: EXPECTED },
    );
  });

  test('offline: the copy kept on the device is shown with its date; back online, the fresh one', async () => {
    failing = [];
    const { context, page: p } = await openPage(browser, { allowedOrigins: [server.origin], viewport: DESKTOP });
    try {
      await p.goto(new URL('net.html', server.url).href);
      await waitForWidget(p);
      // Kept in the background, a few seconds after it was read. (waitForFunction would not wait:
      // it takes the promise an async function returns for a true value.)
      const href = new URL(CATALOG, server.url).href;
      await eventually(async () =>
        assert.ok(await p.evaluate(async (url) => Boolean(await (await caches.open('motcua')).match(url)), href), 'not kept yet'),
      );

      offline = true;
      await p.reload();
      await waitForWidget(p);
      const notice = p.locator('mot-cua .freshness[role=status] .kept-copy');
      assert.match((await notice.textContent()) ?? '', /đang dùng bản đã lưu trên máy này, dữ liệu ngày 22\/11\/2026/);
      await p.locator('mot-cua input[type=search]').fill('khai sinh');
      assert.equal(await p.locator('mot-cua li[role=option]').first().getAttribute('data-code'), '1.001193');

      offline = false;
      await p.reload();
      await waitForWidget(p);
      assert.equal(await p.locator('mot-cua .freshness').count(), 0, 'back online: the fresh catalog, nothing to say');
    } finally {
      offline = false;
      await context.close();
    }
  });

  test('a catalog that changed replaces the copy kept on the device', async () => {
    failing = [];
    const { context, page: p } = await openPage(browser, { allowedOrigins: [server.origin], viewport: DESKTOP });
    const href = new URL(CATALOG, server.url).href;
    const kept = () =>
      p.evaluate(async (url) => (await (await caches.open('motcua')).match(url))?.text() ?? '', href);
    try {
      await p.goto(new URL('net.html', server.url).href);
      await waitForWidget(p);
      await eventually(async () => assert.match(await kept(), /"generated_at":"2026-11-22"/, 'not kept yet'));
      // Another edition of the same length: the kept copy is compared by its bytes, not its size.
      revised = true;
      await p.reload();
      await waitForWidget(p);
      await eventually(async () => assert.match(await kept(), /"generated_at":"2026-11-23"/, 'the old edition is still kept'));
    } finally {
      revised = false;
      await context.close();
    }
  });

  test('without a kept copy: the failure in words, and the retry recovers', () => {
    offline = true;
    return visit(
      browser,
      server,
      'net.html',
      DESKTOP,
      async (p) => {
        const error = p.locator('mot-cua .error');
        await error.waitFor({ timeout: 20_000 });
        assert.match((await error.textContent()) ?? '', /Không kết nối được tới máy chủ chứa dữ liệu/);
        offline = false;
        await error.locator('button').click();
        await p.waitForFunction(() => window.__motcuaReady > 0);
        await p.locator('mot-cua input[type=search]').fill('khai sinh');
        await p.locator('mot-cua li[role=option]').first().waitFor();
      },
      { ready: false, expected: EXPECTED },
    ).finally(() => {
      offline = false;
    });
  });

  test('a catalog older than the page allows is said to be old, with its date and age', () =>
    visit(
      browser,
      server,
      'net-stale.html',
      DESKTOP,
      async (p) => {
        const stale = p.locator('mot-cua .freshness .stale');
        await stale.waitFor();
        assert.match((await stale.textContent()) ?? '', /cập nhật ngày 22\/11\/2026, cách đây 21 ngày/);
      },
      { now: new Date('2026-12-13T09:00:00') },
    ));
});
