// The split catalog (issue 8, lazy data): the demo serves the index at catalogs/commune-demo.json
// and one record per procedure in catalogs/commune-demo/. Page load asks for the widget's files
// and the index only; a record is fetched when its procedure is opened (or beforehand, when its
// result is pointed at), once; a record that does not come says so and can be asked for again;
// a single-file catalog still works. The index carries its search index read-ready; when that
// cannot serve (another version wrote it), the summaries beside it are indexed instead.
// The widget's code is split too (src/ui/part.rs): the procedure page's part is fetched once
// results are listed, the desk's when a desk starts; a part that does not come is said, and
// asked for again by a retry, as a record is.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, REPO, eventually, launchChromium, requireDist, visit, widgetPage } from './helpers.mjs';

const KHAI_SINH = '1.001193';
const KET_HON = '1.000894';
const DESKTOP = { width: 1280, height: 800 };
const RECORDS = '/catalogs/commune-demo/';

const page = (body) => widgetPage(body, 'motcua lazy');

// The marriage record fails while `refusing.record` is on (as a weak network would), then comes;
// so do the widget's parts while `refusing.parts` is on.
const refusing = { record: false, parts: false };
// The parts of the widget's code, as this build cut them (scripts/split-wasm): one file per part,
// and chunks of code that parts share, numbered as the cut goes.
const PKG = path.join(DIST, 'pkg');
const PARTS = existsSync(PKG)
  ? readdirSync(PKG).filter((file) => /^(split_\w+|chunk_\d+)\.wasm$/.test(file)).map((file) => `/pkg/${file}`)
  : [];
const PROCEDURE_PART = '/pkg/split_procedure.wasm';
const part = (file) => (req, res) => {
  if (refusing.parts) {
    res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/wasm' });
  res.end(readFileSync(path.join(DIST, file)));
};
const distJson = (file) => JSON.parse(readFileSync(path.join(DIST, file), 'utf8'));
// The demo's index as another version of motcua would have written its search index.
const staleIndex = () => {
  const index = distJson('catalogs/commune-demo.json');
  return { ...index, search: index.search.replace(/^s\d+-/, 's0-') };
};
const ROUTES = {
  '/lazy.html': page('<mot-cua catalog="catalogs/commune-demo.json"></mot-cua>'),
  '/stale.html': page('<mot-cua catalog="stale/commune-demo.json"></mot-cua>'),
  // The same without its summaries beside it (not published, or not reachable).
  '/stale-alone.html': page('<mot-cua catalog="stale-alone/commune-demo.json"></mot-cua>'),
  '/stale-alone/commune-demo.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(staleIndex()));
  },
  '/stale/commune-demo.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(staleIndex()));
  },
  '/stale/commune-demo.summaries.json': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(readFileSync(path.join(DIST, 'catalogs/commune-demo.summaries.json')));
  },
  '/ket-hon.html': page(`<mot-cua catalog="catalogs/commune-demo.json" procedure="${KET_HON}"></mot-cua>`),
  '/single.html': page(`<mot-cua catalog="single/commune-demo.json" procedure="${KHAI_SINH}"></mot-cua>`),
  '/desk.html': page('<mot-cua catalog="catalogs/commune-demo.json" mode="desk"></mot-cua>'),
  ...Object.fromEntries(PARTS.map((file) => [file, part(file)])),
  '/single/commune-demo.json': {
    type: 'application/json; charset=utf-8',
    body: readFileSync(path.join(REPO, 'public/catalogs/commune-demo.json')),
  },
  [`${RECORDS}${KET_HON}.json`]: (req, res) => {
    if (refusing.record) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(readFileSync(path.join(DIST, `catalogs/commune-demo/${KET_HON}.json`)));
  },
};

let server;
let browser;

before(async () => {
  requireDist(['index.html', 'motcua.js', 'pkg/motcua_bg.wasm', 'catalogs/commune-demo.json', `catalogs/commune-demo/${KHAI_SINH}.json`]);
  server = await startServer({ root: DIST, routes: ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Visits `pagePath` while `refusing[which]` is on (the server refuses those files), then turns it off. */
const whileRefusing = (which, pagePath, fn, expected) => {
  refusing[which] = true;
  return visit(browser, server, pagePath, DESKTOP, fn, { expected }).finally(() => {
    refusing[which] = false;
  });
};

// Run in the page before its scripts: the console's warnings, kept in window.__warnings.
const keepWarnings = () => {
  window.__warnings = [];
  const warn = console.warn.bind(console);
  console.warn = (...args) => { window.__warnings.push(args.join(' ')); warn(...args); };
};
const since = (start) => server.requests.slice(start).map((r) => r.path);
const records = (paths) => paths.filter((p) => p.startsWith(RECORDS));
const procedure = (page) => page.locator('mot-cua section.procedure');

describe('a split catalog', () => {
  test('the demo ships the index: summaries, and where the records are', () => {
    const index = JSON.parse(readFileSync(path.join(DIST, 'catalogs/commune-demo.json'), 'utf8'));
    assert.equal(index.format, 'motcua-catalog-index');
    assert.equal(index.details, 'commune-demo/{code}.json');
    assert.ok(index.procedures.length > 400 && index.procedures.every((p) => p.summary && !p.channels && !p.portal_id));
    // Search reads its stored index; what only search reads is in the summaries, for a widget
    // that must index the catalog itself.
    assert.match(index.search, /^s\d+-[0-9a-f]{16}!/);
    assert.equal(index.summaries, 'commune-demo.summaries.json');
    assert.ok(index.procedures.every((p) => !p.paper_groups && !p.keywords && !p.agencies));
    const summaries = distJson('catalogs/commune-demo.summaries.json');
    assert.equal(summaries.search, undefined);
    assert.deepEqual(summaries.procedures.map((p) => p.code), index.procedures.map((p) => p.code));
    assert.ok(summaries.procedures.filter((p) => p.paper_groups).length > 200, 'the papers search reads');
    const record = JSON.parse(readFileSync(path.join(DIST, `catalogs/commune-demo/${KHAI_SINH}.json`), 'utf8'));
    assert.equal(record.code, KHAI_SINH);
    assert.ok(record.channels.length > 0 && record.portal_id, 'the record is whole');
  });

  test('page load asks for the widget and the index only; a result pointed at is fetched before it is opened, and once', () => {
    const start = server.requests.length;
    return visit(browser, server, 'lazy.html', DESKTOP, async (page) => {
      const loaded = since(start);
      // The index is asked for alongside the wasm (by the loader, whose request the widget takes
      // over), and only once.
      assert.deepEqual(
        [...loaded].sort(),
        ['/catalogs/commune-demo.json', '/lazy.html', '/motcua.js', '/pkg/motcua_bg.wasm'],
        'the page, the widget and the index, nothing else',
      );
      const timing = await page.evaluate(() =>
        Object.fromEntries(performance.getEntriesByType('resource').map((e) => [new URL(e.name).pathname, e])),
      );
      assert.ok(
        timing['/catalogs/commune-demo.json'].startTime < timing['/pkg/motcua_bg.wasm'].responseEnd,
        'the index is asked for before the code has come',
      );
      const box = page.locator('mot-cua input[type=search][role=combobox]');
      await box.fill('dang ky khai sinh');
      const first = page.locator('mot-cua ul[role=listbox] li[role=option]').first();
      await first.waitFor();
      const code = await first.getAttribute('data-code');
      assert.equal(code, KHAI_SINH, 'the birth registration comes first');
      // Results are listed: the procedure page's code is fetched ahead, not the desk's.
      await eventually(() => since(start).includes(PROCEDURE_PART), 'the procedure part, ahead');
      await first.hover();
      await eventually(() => records(since(start)).includes(`${RECORDS}${KHAI_SINH}.json`), 'prefetched on hover');
      await first.click();
      const view = procedure(page);
      await view.locator('dl.fees').waitFor();
      await view.locator('a.start-online').waitFor();
      assert.equal(await view.locator('.details-loading').count(), 0);
      await view.locator('button.back').first().click();
      await first.click();
      await view.locator('dl.fees').waitFor();
      const fetched = records(since(start));
      assert.deepEqual(fetched, [`${RECORDS}${KHAI_SINH}.json`], `each record once: ${fetched.join(' ')}`);
      const parts = since(start).filter((p) => PARTS.includes(p));
      assert.ok(parts.includes(PROCEDURE_PART), `the procedure part: ${parts.join(' ')}`);
      assert.deepEqual(parts, [...new Set(parts)], `each part once: ${parts.join(' ')}`);
      const split = parts.filter((p) => /\/split_\w+\.wasm$/.test(p));
      assert.deepEqual(split, [PROCEDURE_PART], `no other part than the procedure page's: ${parts.join(' ')}`);
    });
  });

  test('a record that does not come: said plainly, with a retry and the portal search; the retry shows it', () => {
    return whileRefusing('record', 'ket-hon.html', async (page) => {
        const view = procedure(page);
        await view.locator('h2').waitFor();
        const failed = view.locator('.details-failed[role=alert]');
        await failed.waitFor();
        assert.match((await failed.textContent()) ?? '', /Không tải được giấy tờ/);
        assert.match((await failed.locator('a.portal-search').getAttribute('href')) ?? '', /^https:\/\/dichvucong\.gov\.vn\//);
        // What the index knows is there meanwhile: the name and the code.
        assert.match((await view.locator('h2').textContent()) ?? '', /kết hôn/i);
        assert.equal(await view.locator('.procedure-meta .code').textContent(), KET_HON);
        assert.equal(await view.locator('a.start-online').count(), 0, 'no start link without the record');
        refusing.record = false;
        await failed.locator('button.retry').click();
        await view.locator('dl.fees').waitFor();
        await view.locator('a.start-online').waitFor();
        assert.equal(await view.locator('.details-failed').count(), 0);
      }, [/503/, /status of 503/]);
  });

  test('a part of the code that does not come: the name, said plainly, a retry and the portal search; the retry draws the page', () => {
    return whileRefusing('parts', 'ket-hon.html', async (page) => {
        const view = procedure(page);
        const failed = view.locator('.details-failed[role=alert]');
        await failed.waitFor();
        assert.match((await view.locator('h2').textContent()) ?? '', /kết hôn/i, 'the name, from the index');
        assert.match((await failed.textContent()) ?? '', /Không tải được/);
        assert.match((await failed.locator('a.portal-search').getAttribute('href')) ?? '', /^https:\/\/dichvucong\.gov\.vn\//);
        assert.equal(await view.locator('button.back').count(), 1, 'a way back to the search');
        // The widget still answers: no crash notice, and the search works.
        await page.locator('mot-cua input[type=search]').fill('khai sinh');
        await page.locator('mot-cua li[role=option]').first().waitFor();
        await page.locator('mot-cua li[role=option]').first().click();
        await failed.waitFor();
        refusing.parts = false;
        await failed.locator('button.retry').click();
        await view.locator('dl.fees').waitFor();
        await view.locator('a.start-online').waitFor();
        assert.equal(await view.locator('.details-failed').count(), 0);
      }, [/503/, /status of 503/, /failed to load|Failed to load|instantiate|TypeError/i]);
  });

  test('the desk\'s part that does not come: said plainly, and a retry brings the desk', () => {
    return whileRefusing('parts', 'desk.html', async (page) => {
        const failed = page.locator('mot-cua .details-failed[role=alert]');
        await failed.waitFor();
        assert.match((await failed.textContent()) ?? '', /Không tải được công cụ cho bộ phận một cửa/);
        refusing.parts = false;
        await failed.locator('button.retry').click();
        await page.locator('mot-cua .desk-panes input[type=search]').fill('khai sinh');
        await page.locator('mot-cua li[role=option]').first().click();
        await page.locator('mot-cua section.procedure dl.fees').waitFor();
        assert.equal(await failed.count(), 0);
      }, [/503/, /status of 503/, /failed to load|Failed to load|instantiate|TypeError/i]);
  });

  test('a stored search index of another version: the summaries are fetched and indexed instead, and the console says why', () => {
    const start = server.requests.length;
    return visit(browser, server, 'stale.html', DESKTOP, async (page) => {
      await page.locator('mot-cua input[type=search]').fill('dang ky khai sinh');
      const first = page.locator('mot-cua ul[role=listbox] li[role=option]').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-code'), KHAI_SINH);
      const loaded = since(start);
      assert.ok(loaded.includes('/stale/commune-demo.summaries.json'), `the summaries: ${loaded.join(' ')}`);
      assert.ok(loaded.includes('/pkg/split_index.wasm'), `the code that indexes: ${loaded.join(' ')}`);
      const warnings = await page.evaluate(() => window.__warnings);
      assert.ok(warnings.some((w) => /another version of motcua/.test(w)), warnings.join('\n'));
    }, { init: keepWarnings });
  });

  test('a stored search index of another version and no summaries: the index\'s own rows are searched', () => {
    return visit(browser, server, 'stale-alone.html', DESKTOP, async (page) => {
      await page.locator('mot-cua input[type=search]').fill('dang ky khai sinh');
      const first = page.locator('mot-cua ul[role=listbox] li[role=option]').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-code'), KHAI_SINH);
      const warnings = await page.evaluate(() => window.__warnings);
      assert.ok(warnings.some((w) => /HTTP 404; the catalog's rows are searched/.test(w)), warnings.join('\n'));
    }, { init: keepWarnings, expected: [/404/] });
  });

  test('a single-file catalog still works, with nothing more to fetch', () => {
    const start = server.requests.length;
    return visit(browser, server, 'single.html', DESKTOP, async (page) => {
      const view = procedure(page);
      await view.locator('dl.fees').waitFor();
      await view.locator('a.start-online').waitFor();
      assert.deepEqual(records(since(start)), []);
      assert.equal(await view.locator('.details-loading, .details-failed').count(), 0);
    });
  });
});
