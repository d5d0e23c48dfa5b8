// The element as pages use it (issue 7): attributes, attribute changes after load, two widgets on
// one page, the JS API (search, open, reset) and events (motcua:ready, motcua:open,
// motcua:start-online), and the commune overlay applied by the widget.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, REPO, eventually, launchChromium, openPage, requireDist, visit, widgetPage } from './helpers.mjs';

const KHAI_SINH = { code: '1.001193', portalId: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7' };
const KET_HON = '1.000894';
const DESKTOP = { width: 1280, height: 800 };

const page = (body) => widgetPage(body, 'motcua api');
const OVERLAY = {
  format: 'motcua-overlay',
  format_version: '1.0',
  note: 'Test overlay: made-up desk details, never shipped.',
  commune: {
    name: 'Xã Thử Nghiệm',
    desk: { name: 'Bộ phận một cửa (thử nghiệm)', address: 'Số 1 đường Thử Nghiệm', hours: 'Thứ Hai–Thứ Sáu, 7:30–17:00' },
  },
  procedures: { [KET_HON]: { friendly_name: 'Cưới: đăng ký kết hôn' } },
  fees: [{ procedures: [KET_HON], kind: 'fee', amount: 12345, text: 'Lệ phí thử nghiệm' }],
};
const ROUTES = {
  '/two.html': page(
    '<mot-cua id="a" catalog="catalogs/commune-demo.json" query="khai sinh"></mot-cua>' +
      `<mot-cua id="b" catalog="catalogs/commune-demo.json" procedure="${KET_HON}" lang="en"></mot-cua>`,
  ),
  '/overlay.html': page('<mot-cua catalog="catalogs/commune-demo.json" overlay="test-overlay.json"></mot-cua>'),
  '/bad-overlay.html': page('<mot-cua catalog="catalogs/commune-demo.json" overlay="no-such-overlay.json"></mot-cua>'),
  '/test-overlay.json': { type: 'application/json; charset=utf-8', body: JSON.stringify(OVERLAY) },
};

let server;
let browser;

before(async () => {
  requireDist();
  server = await startServer({ root: DIST, routes: ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const inside = (id, selector) => `mot-cua#${id} ${selector}`;

describe('the <mot-cua> element', () => {
  test('two widgets on one page, each as its attributes say, independent', () =>
    visit(browser, server, 'two.html', DESKTOP, async (p) => {
      await p.waitForFunction(() => window.__motcuaReady >= 2);
      // a: started with a query; b: with a procedure, in English.
      await p.locator(inside('a', 'li[role=option]')).first().waitFor();
      assert.equal(await p.locator(inside('a', 'input[type=search]')).inputValue(), 'khai sinh');
      await p.locator(inside('b', `section.procedure[data-code="${KET_HON}"]`)).waitFor();
      assert.equal(await p.locator(inside('b', '.motcua')).getAttribute('lang'), 'en');
      assert.equal(await p.locator(inside('a', '.motcua')).getAttribute('lang'), 'vi');
      // Typing in one leaves the other alone.
      await p.locator(inside('a', 'input[type=search]')).fill('ket hon');
      await p.locator(inside('a', `li[role=option][data-code="${KET_HON}"]`)).first().waitFor();
      assert.equal(await p.locator(inside('b', `section.procedure[data-code="${KET_HON}"]`)).count(), 1);
      assert.equal(await p.locator(inside('b', 'input[type=search]')).inputValue(), '');
    }));

  test('attribute changes after load take effect', () =>
    visit(browser, server, 'two.html', DESKTOP, async (p) => {
      await p.waitForFunction(() => window.__motcuaReady >= 2);
      const a = p.locator('mot-cua#a');
      await a.evaluate((el) => el.setAttribute('lang', 'en'));
      await eventually(async () => assert.equal(await p.locator(inside('a', '.motcua')).getAttribute('lang'), 'en'));
      await a.evaluate((el, code) => el.setAttribute('procedure', code), KHAI_SINH.code);
      await p.locator(inside('a', `section.procedure[data-code="${KHAI_SINH.code}"]`)).waitFor();
      await a.evaluate((el) => el.setAttribute('compact', ''));
      await p.locator(inside('a', '.motcua.compact')).waitFor();
      await a.evaluate((el) => el.setAttribute('mode', 'desk'));
      await p.locator(inside('a', '.motcua.desk')).waitFor();
    }));

  test('search, open and reset; motcua:open and motcua:start-online tell the page', () =>
    visit(browser, server, 'two.html', DESKTOP, async (p) => {
      await p.evaluate(() => {
        window.__events = [];
        for (const type of ['motcua:open', 'motcua:start-online']) {
          document.addEventListener(type, (e) => window.__events.push({ type, id: e.target.id, ...e.detail }));
        }
        // The page's own listener; the test keeps the portal from opening.
        document.addEventListener('click', (e) => {
          if (e.composedPath()[0].closest?.('a.start-online')) e.preventDefault();
        }, true);
      });
      // search() waits for the catalog; results as the widget ranks them.
      const found = await p.locator('mot-cua#a').evaluate((el) => el.search('dang ky ket hon', { limit: 3 }));
      assert.equal(found.length, 3);
      assert.equal(found[0].code, KET_HON);
      assert.deepEqual(Object.keys(found[0]).sort(), ['code', 'name', 'score', 'title']);
      assert.ok(found[0].score >= found[1].score, 'best first');
      assert.equal(await p.locator('mot-cua#a').evaluate((el) => el.open('9.999999')), false);
      assert.equal(await p.locator('mot-cua#a').evaluate((el, c) => el.open(c), KHAI_SINH.code), true);
      const view = p.locator(inside('a', `section.procedure[data-code="${KHAI_SINH.code}"]`));
      await view.waitFor();
      await view.locator('a.start-online').click();
      await eventually(async () => {
        const events = await p.evaluate(() => window.__events.filter((e) => e.id === 'a'));
        assert.deepEqual(events, [
          { type: 'motcua:open', id: 'a', code: KHAI_SINH.code },
          {
            type: 'motcua:start-online',
            id: 'a',
            code: KHAI_SINH.code,
            url: `https://dichvucong.gov.vn/nop-ho-so?formalityId=${KHAI_SINH.portalId}`,
          },
        ]);
      });
      await p.locator('mot-cua#a').evaluate((el) => el.reset());
      await eventually(async () => assert.equal(await view.count(), 0));
      assert.equal(await p.locator(inside('a', 'input[type=search]')).inputValue(), '');
    }));

  test('the overlay attribute: the commune\'s additions applied by the widget', () =>
    visit(browser, server, 'overlay.html', DESKTOP, async (p) => {
      const found = await p.locator('mot-cua').evaluate((el) => el.search('cuoi', { limit: 1 }));
      assert.equal(found[0]?.code, KET_HON, 'the overlay\'s name is searched');
      assert.equal(found[0].title, 'Cưới: đăng ký kết hôn');
      await p.locator('mot-cua').evaluate((el, c) => el.open(c), KET_HON);
      const view = p.locator(`mot-cua section.procedure[data-code="${KET_HON}"]`);
      await view.waitFor();
      assert.match((await view.locator('.desk').textContent()) ?? '', /Số 1 đường Thử Nghiệm/);
      // The full record, fetched now, gets the overlay's fee as it arrives (the overlay's part of
      // the code does it).
      await view.locator('dl.fees').waitFor();
      assert.match((await view.locator('dl.fees').textContent()) ?? '', /12\.345/);
    }));

  test('an overlay that cannot be fetched is said in words, and search() rejects', () =>
    visit(browser, server, 'bad-overlay.html', DESKTOP, async (p) => {
      await p.locator('mot-cua .error').waitFor();
      assert.match((await p.locator('mot-cua .error').textContent()) ?? '', /phần dữ liệu riêng của xã/);
      const outcome = await p.locator('mot-cua').evaluate((el) => el.search('khai sinh').then(() => 'resolved', (e) => String(e)));
      assert.match(outcome, /overlay .*no-such-overlay\.json/);
    }, { ready: false, expected: [/no-such-overlay\.json/] }));

  // The wasm's panic hook sends `motcua:crash` on the window just before the wasm stops (a bug: no
  // input is known to cause one, so the event is sent here by hand, as the hook does).
  test('after an internal error every widget, and one added later, says so in words with the portal link', () =>
    visit(browser, server, 'two.html', DESKTOP, async (p) => {
      await p.waitForFunction(() => window.__motcuaReady >= 2);
      await p.evaluate(() => {
        window.__errors = [];
        document.addEventListener('motcua:error', (e) => window.__errors.push(e.target.id));
        window.dispatchEvent(new CustomEvent('motcua:crash', { detail: 'panicked at src/ui/example.rs:1:1' }));
      });
      for (const id of ['a', 'b']) {
        const notice = p.locator(inside(id, '.error[role=alert]'));
        assert.match((await notice.textContent()) ?? '', /Không tải được công cụ tra cứu/);
        assert.equal(await notice.locator('a').getAttribute('href'), 'https://dichvucong.gov.vn/');
        assert.equal(await p.locator(inside(id, 'input, section')).count(), 0, `${id}: nothing of the dead widget is left`);
      }
      assert.deepEqual(await p.evaluate(() => window.__errors.sort()), ['a', 'b']);
      const outcome = await p.locator('mot-cua#a').evaluate((el) => el.search('khai sinh').then(() => 'resolved', (e) => String(e)));
      assert.match(outcome, /internal error/);
      await p.evaluate(() => {
        const late = document.createElement('mot-cua');
        late.id = 'c';
        late.setAttribute('catalog', 'catalogs/commune-demo.json');
        document.body.append(late);
      });
      await p.locator(inside('c', '.error[role=alert]')).waitFor();
    }));
});

describe('the README', () => {
  test('its embed snippet, pasted into a new HTML file, works as written (dist/ served at /motcua/)', async () => {
    const readme = readFileSync(path.join(REPO, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Embed it'));
    const snippet = section.match(/```html\n([\s\S]*?)```/)?.[1];
    assert.ok(snippet?.includes('<mot-cua'), 'the README has the snippet');
    // A web root with the snippet as a page of its own and dist/ copied (linked) to /motcua/.
    const site = mkdtempSync(path.join(tmpdir(), 'motcua-site-'));
    writeFileSync(path.join(site, 'page.html'), snippet);
    symlinkSync(DIST, path.join(site, 'motcua'));
    const other = await startServer({ root: site });
    try {
      await visit(browser, other, 'page.html', DESKTOP, async (p) => {
        await p.locator('mot-cua input[type=search]').fill('dang ky ket hon');
        await eventually(async () =>
          assert.equal(await p.locator('mot-cua li[role=option]').first().getAttribute('data-code'), KET_HON));
      });
    } finally {
      await other.close();
    }
  });
});

describe('before the widget\'s code arrives', () => {
  test('a search box is there at once; what was typed becomes the first search, the focus kept', async () => {
    const { context, page: p, assertClean } = await openPage(browser, { allowedOrigins: [server.origin], viewport: DESKTOP });
    try {
      let release;
      const gate = new Promise((resolve) => { release = resolve; });
      // A slow network: the wasm waits until the test lets it through.
      await p.route('**/pkg/motcua_bg.wasm', async (route) => {
        await gate;
        await route.fallback();
      });
      await p.goto(new URL('embed-example.html', server.url).href, { waitUntil: 'domcontentloaded' });
      const box = p.locator('mot-cua #motcua-early-input');
      await box.waitFor();
      assert.equal(await p.locator('mot-cua label[for=motcua-early-input]').textContent(), 'Tìm thủ tục hành chính');
      await box.click();
      await p.keyboard.type('ket hon', { delay: 10 });
      assert.equal(await p.locator('mot-cua #motcua-input').count(), 0, 'the widget is not there yet');
      release();
      await eventually(async () =>
        assert.equal(await p.locator('mot-cua li[role=option]').first().getAttribute('data-code'), KET_HON));
      assert.equal(await p.locator('mot-cua #motcua-input').inputValue(), 'ket hon');
      assert.equal(await p.locator('mot-cua #motcua-early-input').count(), 0, 'the early box is gone');
      const focused = await p.evaluate(() => document.querySelector('mot-cua').shadowRoot.activeElement?.id);
      assert.equal(focused, 'motcua-input', 'the focus moved to the real box');
      await p.keyboard.type(' 1', { delay: 10 });
      assert.equal(await p.locator('mot-cua #motcua-input').inputValue(), 'ket hon 1', 'typing goes on there');
      assertClean('embed-example.html with a slow wasm');
    } finally {
      await context.close();
    }
  });
});
