// Privacy (issue 9, point 4), over a whole journey on the demo page: search, a procedure, its
// case, the checklist ticked and printed, the link to share, a second procedure, the home view,
// the other language. Nothing is asked of another origin (the helpers abort and report any such
// request), no cookie is set, and what is stored on the device is only the checklist's ticks
// (localStorage, `motcua:` keys, cleared by "Xoá đánh dấu") and the kept catalog (Cache API,
// `motcua`).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

import { startServer } from './server.mjs';
import { DIST, eventually, launchChromium, requireDist, visit } from './helpers.mjs';

const KHAI_SINH = '1.001193';
const KET_HON = '1.000894';

let server;
let browser;

before(async () => {
  requireDist();
  server = await startServer({ root: DIST });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('privacy', () => {
  test('a whole journey asks nothing of another origin, sets no cookie, stores only ticks and the catalog', () => {
    const start = server.requests.length;
    return visit(browser, server, 'index.html', { width: 1280, height: 800 }, async (p) => {
      const box = p.locator('mot-cua input[type=search]');
      await box.fill('dang ky khai sinh');
      await p.locator(`mot-cua li[role=option][data-code="${KHAI_SINH}"]`).first().click();
      const view = p.locator('mot-cua section.procedure');
      await view.locator('dl.fees').waitFor();
      await view.locator('fieldset.cases input[type=radio]').nth(1).check();
      await view.locator('ul.papers input[type=checkbox]').first().check();
      const [sheet] = await Promise.all([p.context().waitForEvent('page'), view.locator('button.print-checklist').click()]);
      await sheet.locator('main.slip h1').waitFor();
      await sheet.close();
      await view.locator('details.share summary').click();
      await view.locator('input.share-link').waitFor();
      await view.locator('button.back').first().click();
      await box.fill('ket hon');
      await p.locator(`mot-cua li[role=option][data-code="${KET_HON}"]`).first().click();
      await view.locator('a.start-online').waitFor();
      await view.locator('button.back').first().click();
      await box.fill('');
      await p.locator('mot-cua details.life-event summary').first().click();
      await p.locator('mot-cua button.lang-switch').click();
      await p.locator('mot-cua .motcua[lang=en]').waitFor();

      // The catalog is kept a few seconds after it came (not while the first results are drawn).
      await eventually(async () => assert.ok(await p.evaluate(async () => (await caches.keys()).includes('motcua')), 'not kept yet'));
      const kept = await p.evaluate(async () => ({
        cookie: document.cookie,
        storage: Object.keys(localStorage),
        caches: await caches.keys(),
        cached: (await (await caches.open('motcua')).keys()).map((r) => new URL(r.url).pathname),
      }));
      assert.equal(kept.cookie, '', 'no cookie');
      assert.ok(kept.storage.length > 0 && kept.storage.every((k) => k.startsWith('motcua:')), kept.storage.join(' '));
      assert.deepEqual(kept.caches, ['motcua']);
      assert.ok(kept.cached.every((path) => path.startsWith('/catalogs/')), kept.cached.join(' '));
      // Every request went to the page's own server, for the widget's files, the catalog and records.
      const paths = server.requests.slice(start).map((r) => r.path);
      const widget = /^\/(index\.html|motcua\.js|pkg\/(motcua_bg\.wasm|(split_\w+|chunk_\d+)\.wasm)|catalogs\/commune-demo(\.json|\/[\w.]+\.json)|[\w-]+\.(css|svg))$/;
      assert.deepEqual(paths.filter((path) => !widget.test(path)), [], 'only the widget, its page and its data');
    });
  });
});
