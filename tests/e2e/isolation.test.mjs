// Embedding safely (issue 7): a page's hostile global CSS does not change the widget (computed
// styles and pixels), the widget's CSS and script do not change the page (styles, globals,
// storage, cookies), it works under a strict Content-Security-Policy, and dist/ served from another
// origin works with the CORS headers docs/embedding.md gives (and fails in words without them).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, OUTPUT, eventually, launchChromium, openPage, requireDist, visit, waitForWidget } from './helpers.mjs';

const KET_HON = '1.000894';
const KHAI_SINH = '1.001193';
const DESKTOP = { width: 1280, height: 800 };

const hostile = readFileSync(path.join(DIST, 'hostile-example.html'), 'utf8');
const html = (body, head = '') => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>motcua</title>${head}</head><body>${body}</body></html>`,
});
const ROUTES = {
  // The same widget and theme as on the hostile page, on a page with no CSS of its own.
  '/plain-themed.html': html(
    '<main><mot-cua catalog="catalogs/commune-demo.json"></mot-cua></main>',
    '<link rel="stylesheet" href="theme-example.css"><link rel="stylesheet" href="plain-main.css">' +
      '<script type="module" src="motcua.js"></script>',
  ),
  '/plain-main.css': { type: 'text/css', body: 'main { display: block; width: 900px; margin: 0 auto; }' },
  // The hostile page without the widget.
  '/hostile-without.html': { type: 'text/html; charset=utf-8', body: hostile.replace(/<mot-cua[^>]*><\/mot-cua>/, '') },
};

// What a host needs (docs/embedding.md): the widget's own files, its catalog, and wasm compiled.
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

let server;
let strict;
let browser;

before(async () => {
  requireDist(['hostile-example.html', 'hostile-example.css', 'theme-example.css', 'motcua.js']);
  server = await startServer({ root: DIST, routes: ROUTES });
  strict = await startServer({ root: DIST, headers: { 'Content-Security-Policy': CSP } });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await strict?.close();
});

/** Searches "khai sinh" and opens the first result: the views the comparisons look at. */
async function useWidget(page) {
  const box = page.locator('mot-cua input[type=search]');
  await box.click();
  await box.pressSequentially('khai sinh', { delay: 5 });
  await page.locator('mot-cua li[role=option]').first().waitFor();
}

const ELEMENTS = [
  '.motcua', '.search-label', 'input.search-input', '.hint', 'li[role=option]', '.option-name',
  '.option-meta', 'button.lang-switch', 'select', '[role=status]',
];
const PROPERTIES = [
  'font-family', 'font-size', 'font-weight', 'color', 'line-height', 'text-transform', 'letter-spacing',
  'margin-top', 'margin-left', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style',
  'border-top-color', 'width', 'height', 'list-style-type', 'float', 'background-color', 'box-sizing',
];

/** Computed styles of the first element matching each selector inside the widget. */
function widgetStyles(page) {
  return page.evaluate(([selectors, properties]) => {
    const root = document.querySelector('mot-cua').shadowRoot;
    return Object.fromEntries(selectors.map((s) => {
      const el = root.querySelector(s);
      if (!el) return [s, null];
      const cs = getComputedStyle(el);
      return [s, Object.fromEntries(properties.map((p) => [p, cs.getPropertyValue(p)]))];
    }));
  }, [ELEMENTS, PROPERTIES]);
}

/** A screenshot of the widget (the mouse out of the way, so that nothing is hovered). */
async function shot(page, name) {
  await page.mouse.move(0, 0);
  const png = await page.locator('mot-cua').screenshot({ path: path.join(OUTPUT, `${name}.png`), animations: 'disabled' });
  return png.toString('base64');
}

/** Compares two PNGs in the browser: their sizes and the share of pixels that differ. */
function compare(page, a, b) {
  return page.evaluate(async ([a, b]) => {
    const read = async (b64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${b64}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const g = canvas.getContext('2d');
      g.drawImage(image, 0, 0);
      return g.getImageData(0, 0, image.width, image.height);
    };
    const [x, y] = [await read(a), await read(b)];
    if (x.width !== y.width || x.height !== y.height) return { sizes: [x.width, x.height, y.width, y.height] };
    let differing = 0;
    for (let i = 0; i < x.data.length; i += 4) {
      for (let k = 0; k < 4; k++) {
        if (Math.abs(x.data[i + k] - y.data[i + k]) > 8) {
          differing += 1;
          break;
        }
      }
    }
    return { sizes: [x.width, x.height, y.width, y.height], share: differing / (x.width * x.height) };
  }, [a, b]);
}

describe('isolation from the host page', () => {
  test('hostile global CSS changes nothing inside the widget: computed styles and pixels', async () => {
    let plain;
    let plainPixels = '';
    await visit(browser, server, 'plain-themed.html', DESKTOP, async (page) => {
      await useWidget(page);
      plain = await widgetStyles(page);
      plainPixels = await shot(page, 'embed-plain-themed');
    });
    await visit(browser, server, 'hostile-example.html', DESKTOP, async (page) => {
      await useWidget(page);
      const styles = await widgetStyles(page);
      for (const selector of ELEMENTS) {
        assert.ok(plain[selector], `${selector} is on the plain page`);
        assert.deepEqual(styles[selector], plain[selector], `${selector} is styled the same under hostile CSS`);
      }
      // The page's theme does reach it.
      assert.equal(plain['.motcua']['font-family'], 'Arial, "Helvetica Neue", sans-serif');
      const { sizes, share } = await compare(page, plainPixels, await shot(page, 'embed-hostile'));
      assert.deepEqual(sizes.slice(2), sizes.slice(0, 2), 'the same size');
      // Anti-aliasing may vary by a hair: 0.5 % of the pixels at most.
      assert.ok(share <= 0.005, `${(share * 100).toFixed(2)} % of the pixels differ`);
    });
  });

  test('the widget changes nothing of the page: its styles, globals, storage, cookies', async () => {
    const HOST = ['.gov-header', '.gov-title', '.gov-menu li', '.gov-button', 'h1', 'main > p'];
    const hostStyles = (page) => page.evaluate(([selectors, properties]) =>
      Object.fromEntries(selectors.map((s) => {
        const cs = getComputedStyle(document.querySelector(s));
        return [s, Object.fromEntries(properties.map((p) => [p, cs.getPropertyValue(p)]))];
      })), [HOST, PROPERTIES.filter((p) => p !== 'height')]);
    let without;
    const { context, page } = await openPage(browser, { allowedOrigins: [server.origin], viewport: DESKTOP });
    try {
      await page.goto(new URL('hostile-without.html', server.url).href);
      without = await hostStyles(page);
    } finally {
      await context.close();
    }
    await visit(browser, server, 'hostile-example.html', DESKTOP, async (p) => {
      const before = await p.evaluate(() => window.__globalsAtStart);
      await useWidget(p);
      await p.locator('mot-cua li[role=option]').first().click();
      await p.locator(`mot-cua section.procedure[data-code="${KHAI_SINH}"] ul.papers input[type=checkbox]`).first().check();
      assert.deepEqual(await hostStyles(p), without, 'the page looks the same with the widget');
      const after = await p.evaluate(() => ({
        globals: Object.keys(window),
        sheets: [...document.styleSheets].map((s) => s.href),
        adopted: document.adoptedStyleSheets.length,
        storage: Object.keys(localStorage),
        cookie: document.cookie,
      }));
      assert.ok(before, 'the globals were listed before the widget loaded');
      const added = after.globals.filter((g) => !before.includes(g) && g !== '__globalsAtStart');
      assert.deepEqual(added, [], 'no global added to the page');
      assert.deepEqual(after.sheets.map((h) => new URL(h).pathname), ['/hostile-example.css', '/theme-example.css']);
      assert.equal(after.adopted, 0, 'no stylesheet adopted by the page');
      assert.deepEqual(after.storage, [`motcua:checklist:${KHAI_SINH}:0`], 'storage only in the widget namespace');
      assert.equal(after.cookie, '', 'no cookie');
    }, { init: () => { window.__globalsAtStart = Object.keys(window); } });
  });
});

describe('a strict Content-Security-Policy', () => {
  test('the widget works with no inline script or style, no eval: search, a procedure, its QR code, the print', () =>
    visit(browser, strict, 'hostile-example.html', DESKTOP, async (page) => {
      const violations = () => page.evaluate(() => window.__violations);
      await useWidget(page);
      await page.locator('mot-cua input[type=search]').fill('dang ky ket hon');
      await eventually(async () =>
        assert.equal(await page.locator('mot-cua li[role=option]').first().getAttribute('data-code'), KET_HON));
      await page.locator('mot-cua li[role=option]').first().click();
      const view = page.locator(`mot-cua section.procedure[data-code="${KET_HON}"]`);
      await view.waitFor();
      // The page's own sheet, which comes with its part of the code, is constructed too.
      assert.equal(await view.locator('.portal-links').evaluate((e) => getComputedStyle(e).display), 'flex');
      await view.locator('details.share summary').click();
      await view.locator('.qr svg').waitFor();
      const [sheet] = await Promise.all([page.context().waitForEvent('page'), view.locator('button.print-checklist').click()]);
      await sheet.locator('main.slip h1').waitFor();
      // The print window is styled (its sheet is constructed, which CSP allows).
      const size = await sheet.locator('main.slip h1').evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
      assert.ok(Math.abs(size - (17 * 4) / 3) < 0.01, `17pt: ${size}px`);
      assert.deepEqual(await sheet.evaluate(() => window.__violations ?? []), []);
      await sheet.close();
      assert.deepEqual(await violations(), [], 'no CSP violation');
      const header = (await page.request.get(new URL('motcua.js', strict.url).href)).headers()['content-security-policy'];
      assert.equal(header, CSP, 'the policy was in force');
    }, { init: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    } }));
});

describe('a browser without constructed style sheets', () => {
  test('the search\'s and the procedure page\'s sheets are <style> elements in the shadow root', () =>
    visit(browser, server, 'plain-themed.html', DESKTOP, async (page) => {
      await useWidget(page);
      await page.locator('mot-cua li[role=option]').first().click();
      const view = page.locator(`mot-cua section.procedure[data-code="${KHAI_SINH}"]`);
      // The portal's links come with the record, fetched when the procedure opens.
      await view.locator('.portal-links').waitFor();
      const styled = await page.evaluate(() => {
        const root = document.querySelector('mot-cua').shadowRoot;
        const style = (s) => getComputedStyle(root.querySelector(s));
        return {
          sheets: [...root.querySelectorAll('style')].map((s) => s.getAttributeNames().join(' ')),
          search: style('button.lang-switch').float,
          page: style('.portal-links').display,
        };
      });
      assert.deepEqual(styled, { sheets: ['data-motcua', 'data-motcua-page'], search: 'right', page: 'flex' });
    }, { init: () => {
      delete Document.prototype.adoptedStyleSheets;
      delete ShadowRoot.prototype.adoptedStyleSheets;
    } }));
});

describe('dist/ served from another origin', () => {
  for (const cors of [true, false]) {
    test(cors ? 'works with Access-Control-Allow-Origin on the widget\'s files' : 'without CORS headers, the page\'s fallback inside <mot-cua> stays', async () => {
      const files = await startServer({
        root: DIST,
        headers: cors ? { 'Access-Control-Allow-Origin': '*' } : {},
      });
      const host = await startServer({
        root: DIST,
        routes: {
          '/host.html': html(
            `<mot-cua catalog="${files.url}catalogs/commune-demo.json"><a href="https://dichvucong.gov.vn/">` +
              'Tra cứu thủ tục trên Cổng Dịch vụ công quốc gia</a></mot-cua>',
            `<script type="module" src="${files.url}motcua.js"></script>`,
          ),
        },
      });
      const { context, page, problems } = await openPage(browser, { allowedOrigins: [host.origin, files.origin], viewport: DESKTOP });
      try {
        await page.goto(new URL('host.html', host.url).href);
        if (cors) {
          await waitForWidget(page);
          await useWidget(page);
          assert.deepEqual(problems.consoleErrors, []);
          assert.ok(!(await page.locator('mot-cua > a').isVisible()), 'the fallback is hidden by the widget');
        } else {
          // The module script itself is refused without CORS: the element is never defined, and
          // what the page put inside it (a link to the portal) is what people see.
          await eventually(async () =>
            assert.ok(problems.consoleErrors.some((e) => /CORS/.test(e)), problems.consoleErrors.join('\n')));
          assert.equal(await page.locator('mot-cua input').count(), 0);
          assert.ok(await page.locator('mot-cua > a').isVisible(), 'the fallback link shows');
        }
      } finally {
        await context.close();
        await host.close();
        await files.close();
      }
    });
  }
});
