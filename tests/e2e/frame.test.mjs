// End-to-end: frame.html in an <iframe> on a page of ANOTHER origin, sized by motcua-frame.js.
// dist/ is served on one port (under `script-src 'self' 'wasm-unsafe-eval'`), the host pages on
// another (another origin). Checks: the iframe follows the widget's height; height messages from
// any other window or origin are ignored; URL parameters reach the widget; a catalog from another
// server is refused.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { DIST, eventually, launchChromium, openPage, requireDist, waitForWidget } from './helpers.mjs';

const KHAI_SINH = '1.001193';
const VIEWPORT = { width: 1280, height: 800 };
const CSP = "script-src 'self' 'wasm-unsafe-eval'; object-src 'none'; base-uri 'self'";
/** The height every hostile message asks for. */
const FAKE = 4321;

let widgetServer; // dist/: frame.html, motcua-frame.js, the widget
let hostServer; // the commune's site, on another origin
let browser;

const attr = (s) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

function html(res, body) {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>host</title></head><body>${body}</body></html>`);
}

/** frame.html on the widget's origin with `params` (a query string) and origin=<host origin>. */
function frameSrc(params) {
  const query = new URLSearchParams(params);
  query.set('origin', hostServer.origin);
  return `${widgetServer.origin}/frame.html?${query}`;
}

/** Counts, in the host page, the fake height messages that reached it (to know they were sent). */
const COUNT_FAKES =
  `<script>window.fakes = 0; addEventListener('message', (e) => {` +
  ` if (e.data && e.data.height === ${FAKE}) window.fakes += 1; });</script>`;
/** Posts a fake height to the parent again and again (so some arrive after its listener is set). */
const POST_FAKES =
  `<script>setInterval(() => parent.postMessage({ type: 'motcua:height', height: ${FAKE} }, '*'), 100);</script>`;

const HOST_ROUTES = {
  // /host.html?frame=<frame.html's parameters>: the widget's iframe and motcua-frame.js, as a CMS has them.
  '/host.html': (req, res, url) =>
    html(
      res,
      '<style>body { margin: 0 } iframe { display: block; width: 100%; border: 0 }</style>' +
        `<script src="${widgetServer.origin}/motcua-frame.js"></script>` +
        `<iframe data-motcua id="widget" title="Tra cứu thủ tục hành chính" height="900" src="${attr(frameSrc(url.searchParams.get('frame') ?? ''))}"></iframe>`,
    ),
  // The same, plus four sources of fake height messages: the host page itself, a frame of the host's
  // origin, a frame of the widget's origin (right origin, wrong window), and an iframe[data-motcua]
  // whose src is on the widget's origin but redirects here (right window, wrong origin).
  '/hostile.html': (req, res) =>
    html(
      res,
      '<style>body { margin: 0 } iframe { display: block; width: 100%; border: 0 }</style>' +
        COUNT_FAKES +
        `<script src="${widgetServer.origin}/motcua-frame.js"></script>` +
        `<iframe data-motcua id="widget" title="widget" height="900" src="${attr(frameSrc('query=khai sinh'))}"></iframe>` +
        `<iframe id="other" title="other" height="120" src="/fake.html"></iframe>` +
        `<iframe id="twin" title="twin" height="110" src="${widgetServer.origin}/fake.html"></iframe>` +
        `<iframe data-motcua id="hop" title="hop" height="130" src="${widgetServer.origin}/hop.html"></iframe>` +
        `<script>setInterval(() => window.postMessage({ type: 'motcua:height', height: ${FAKE} }, '*'), 100);</script>`,
    ),
  '/fake.html': (req, res) => html(res, POST_FAKES),
  '/not-yours.json': { type: 'application/json; charset=utf-8', body: '{}' },
};

before(async () => {
  requireDist(['frame.html', 'frame.js', 'frame.css', 'motcua-frame.js', 'motcua.js', 'pkg/motcua_bg.wasm']);
  widgetServer = await startServer({
    root: DIST,
    headers: { 'Content-Security-Policy': CSP },
    routes: {
      '/fake.html': (req, res) => html(res, POST_FAKES),
      // Leaves the widget's origin for the host's: the iframe's src says one origin, its messages another.
      '/hop.html': (req, res) => {
        res.writeHead(302, { Location: `${hostServer.origin}/fake.html`, 'Content-Length': 0 });
        res.end();
      },
    },
  });
  hostServer = await startServer({ root: DIST, routes: HOST_ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await widgetServer?.close();
  await hostServer?.close();
});

/** Opens a host page, waits for the widget inside its iframe, runs fn(page, frame), then fails on any problem. */
async function withHost(hostPath, fn, { ready = true } = {}) {
  const { context, page, report, assertClean } = await openPage(browser, {
    allowedOrigins: [widgetServer.origin, hostServer.origin],
    viewport: VIEWPORT,
  });
  try {
    try {
      const response = await page.goto(new URL(hostPath, hostServer.url).href, { waitUntil: 'load' });
      assert.equal(response.status(), 200, `GET ${hostPath}`);
      const frame = await (await page.locator('iframe#widget').elementHandle()).contentFrame();
      assert.ok(frame, 'the widget iframe has a document');
      if (ready) await waitForWidget(frame);
      await fn(page, frame);
    } catch (err) {
      const seen = report();
      if (seen) err.message += `\n(${hostPath}: the page also had problems:\n${seen})`;
      throw err;
    }
    assertClean(hostPath);
  } finally {
    await context.close();
  }
}

/**
 * The iframe's height in the host page; the frame document's scrollHeight (never less than the
 * iframe's height) and its content's height (html has no height of its own: frame.css).
 */
async function heights(page, frame) {
  const iframe = await page.locator('iframe#widget').evaluate((el) => el.clientHeight);
  const [scroll, content] = await frame.evaluate(() => [
    document.documentElement.scrollHeight,
    Math.ceil(document.documentElement.getBoundingClientRect().height),
  ]);
  return { iframe, scroll, content };
}

/** Waits until the iframe fits its content (within 2 px: no scrolling, no gap) and returns that height. */
async function fitted(page, frame, what) {
  return eventually(async () => {
    const h = await heights(page, frame);
    const text = `${what}: iframe ${h.iframe}px, scrollHeight ${h.scroll}px, content ${h.content}px`;
    assert.ok(Math.abs(h.iframe - h.scroll) <= 2 && Math.abs(h.iframe - h.content) <= 2, text);
    return h.iframe;
  });
}

const options = (frame) => frame.locator('mot-cua ul[role=listbox] li[role=option]');

test('the iframe grows and shrinks with the widget', async () => {
  await withHost('/host.html?frame=query%3Dkhai%2520sinh', async (page, frame) => {
    await eventually(async () => assert.ok((await options(frame).count()) > 0, 'results for query=khai sinh'));
    const withResults = await fitted(page, frame, 'with results');
    assert.ok(withResults > 600, `with results the iframe is ${withResults}px high`);

    const box = frame.locator('mot-cua input[type=search][role=combobox]');
    await box.fill('');
    await box.pressSequentially('qqxzqqxz', { delay: 10 });
    await eventually(async () => assert.equal(await options(frame).count(), 0, 'no results for qqxzqqxz'));
    const without = await eventually(async () => {
      const h = await fitted(page, frame, 'without results');
      assert.notEqual(h, withResults, 'the height changed');
      return h;
    });
    assert.ok(without >= 100, `without results the iframe is ${without}px high`);

    // Back to results, then a procedure (taller still): the iframe follows both ways.
    await box.fill('');
    await box.pressSequentially('khai sinh', { delay: 10 });
    await eventually(async () => assert.ok((await options(frame).count()) > 0, 'results again'));
    await options(frame).first().click();
    await frame.locator('mot-cua section.procedure').waitFor({ state: 'visible', timeout: 10_000 });
    const procedure = await fitted(page, frame, 'a procedure');
    assert.ok(procedure > without, `procedure ${procedure}px > no results ${without}px`);
  });
});

test('height messages from other windows or origins are ignored', async () => {
  await withHost('/hostile.html', async (page, frame) => {
    await eventually(async () => assert.ok((await options(frame).count()) > 0, 'results for query=khai sinh'));
    const before = await fitted(page, frame, 'with results');
    // The host page, the other frame and the redirected one have all posted fake heights by now.
    await eventually(async () => {
      const fakes = await page.evaluate(() => window.fakes);
      assert.ok(fakes >= 12, `${fakes} fake messages seen by the host page`);
    });
    await page.waitForTimeout(300);
    const afterFakes = await fitted(page, frame, 'after the fakes');
    assert.equal(afterFakes, before, 'the widget iframe kept its height');
    assert.notEqual(afterFakes, FAKE, 'the widget iframe never took a fake height');
    const hop = page.locator('iframe#hop');
    assert.equal(await hop.evaluate((el) => el.style.height), '', 'the redirected data-motcua iframe was not resized');
    assert.equal(await hop.evaluate((el) => el.clientHeight), 130);
    assert.equal(await page.locator('iframe#other').evaluate((el) => el.clientHeight), 120);
    assert.equal(await page.locator('iframe#twin').evaluate((el) => el.clientHeight), 110);
  });
});

test('URL parameters reach the widget: procedure', async () => {
  await withHost(`/host.html?frame=${encodeURIComponent(`procedure=${KHAI_SINH}`)}`, async (page, frame) => {
    const view = frame.locator(`mot-cua section.procedure[data-code="${KHAI_SINH}"]`);
    await view.waitFor({ state: 'visible', timeout: 10_000 });
    const procedure = await fitted(page, frame, 'procedure=1.001193');
    assert.ok(procedure > 900, `the procedure's iframe is ${procedure}px high`);
  });
});

test('URL parameters reach the widget: lang=en', async () => {
  await withHost('/host.html?frame=lang%3Den%26unknown%3D1', async (page, frame) => {
    assert.equal(await frame.locator('mot-cua .motcua').first().getAttribute('lang'), 'en');
    const label = (await frame.locator('mot-cua .search-label').first().textContent()) ?? '';
    assert.match(label, /Find an administrative procedure/);
    assert.equal(await frame.locator('mot-cua').count(), 1, 'one widget');
    assert.equal(await frame.locator('mot-cua').getAttribute('unknown'), null, 'unknown parameters are ignored');
    await fitted(page, frame, 'lang=en');
  });
});

test('a catalog from another server is refused', async () => {
  const foreign = `catalog=${encodeURIComponent(`${hostServer.origin}/not-yours.json`)}`;
  await withHost(
    `/host.html?frame=${encodeURIComponent(foreign)}`,
    async (page, frame) => {
      const error = frame.locator('.frame-error[role=alert]');
      await error.waitFor({ state: 'visible', timeout: 10_000 });
      assert.match((await error.textContent()) ?? '', /Cổng Dịch vụ công quốc gia/);
      assert.equal(await frame.locator('mot-cua').count(), 0, 'no widget');
      assert.ok(
        !hostServer.requests.some((r) => r.path.startsWith('/not-yours.json')),
        'the foreign catalog was never requested',
      );
    },
    { ready: false },
  );
});
