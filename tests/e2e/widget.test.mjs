// End-to-end: the real `trunk build --release` output (dist/) served over HTTP, in Debian's Chromium.
// A citizen types an unaccented query, opens the procedure, sees the papers and the portal link.
// Screenshots go to test-output/ (home, results, procedure view at desktop and phone sizes).
//
// Run: scripts/test (builds dist/ first), or `node --test tests/e2e/` after a trunk build.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import {
  DIST,
  REPO,
  eventually,
  launchChromium,
  openPage,
  requireDist,
  screenshot,
  visit,
  waitForWidget,
} from './helpers.mjs';

const PORTAL = 'https://dichvucong.gov.vn';
const KHAI_SINH = { code: '1.001193', portalId: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7' };
const KET_HON = { code: '1.000894' };

const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 740 };

let server;
let browser;

// The browser tests' fixture (format 1.1: cases, fee sources and exemptions, featured procedures…)
// in the release build, on a plain page: the demo catalog may or may not have those fields.
const FIXTURE = readFileSync(path.join(REPO, 'tests/fixtures/commune-sample.json'), 'utf8');
const FIXTURE_ROUTES = {
  '/fixture.html': {
    type: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>motcua fixture</title>' +
      '<script type="module" src="motcua.js"></script></head>' +
      '<body><mot-cua catalog="fixture-catalog.json"></mot-cua></body></html>',
  },
  '/fixture-catalog.json': { type: 'application/json; charset=utf-8', body: FIXTURE },
};

before(async () => {
  requireDist(['index.html', 'embed-example.html', 'motcua.js', 'pkg/motcua_bg.wasm']);
  server = await startServer({ root: DIST, routes: FIXTURE_ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

// Locators (Playwright CSS pierces the widget's open shadow root).
const searchBox = (page) => page.locator('mot-cua input[type=search][role=combobox]');
const options = (page) => page.locator('mot-cua ul[role=listbox] li[role=option]');
const procedure = (page, code) => page.locator(`mot-cua section.procedure[data-code="${code}"]`);

const withPage = (pagePath, viewport, fn, options) => visit(browser, server, pagePath, viewport, fn, options);

/** Types like a person and waits until the first result is `code`. */
async function search(page, query, code) {
  const box = searchBox(page);
  await box.click();
  await box.fill('');
  await box.pressSequentially(query, { delay: 15 });
  await eventually(async () => {
    const first = options(page).first();
    assert.equal(await first.isVisible(), true, `results for "${query}" are shown`);
    assert.equal(await first.getAttribute('data-code'), code, `first result for "${query}"`);
  });
  const status = (await page.locator('mot-cua [role=status]').first().textContent()) ?? '';
  assert.match(status, /\d+\s+kết quả/, 'the live region announces the number of results');
}

/** Opens the first result and checks the procedure view of 1.001193 (đăng ký khai sinh). */
async function openKhaiSinh(page) {
  await options(page).first().click();
  const view = procedure(page, KHAI_SINH.code);
  await view.waitFor({ state: 'visible', timeout: 10_000 });

  // The title is the commune's everyday name when the catalog has one, the official name below it.
  const title = (await view.locator('h2').first().textContent()) ?? '';
  const official = (await view.locator('.official-name').allTextContents()).join(' ');
  assert.match(`${title} ${official}`.toLowerCase(), /đăng ký khai sinh/, 'h2 or the official name below it');

  const papers = await view.locator('ul.papers > li').allTextContents();
  assert.ok(papers.length >= 1, 'the papers to bring are listed');
  assert.ok(
    papers.some((p) => p.includes('bản chính')),
    `some paper says how many originals ("bản chính"); papers: ${JSON.stringify(papers.slice(0, 5))}`,
  );

  const start = view.locator('a.start-online');
  assert.equal(await start.count(), 1, 'one a.start-online link');
  assert.equal(await start.getAttribute('href'), `${PORTAL}/nop-ho-so?formalityId=${KHAI_SINH.portalId}`);
  assert.equal(await start.getAttribute('target'), '_blank', 'the portal opens in a new tab');
  assert.match((await start.getAttribute('rel')) ?? '', /\bnoopener\b/);
  return view;
}

async function assertFitsWidth(page, viewport) {
  const right = await page.locator('mot-cua').first().evaluate((el) => el.getBoundingClientRect().right);
  assert.ok(right <= viewport.width + 1, `the widget fits in ${viewport.width}px (right edge at ${right}px)`);
}

describe('demo page (dist/index.html)', () => {
  for (const viewport of [DESKTOP, PHONE]) {
    const size = `${viewport.width}x${viewport.height}`;
    test(`"dang ky khai sinh" finds and opens 1.001193 at ${size}`, () =>
      withPage('index.html', viewport, async (page) => {
        await screenshot(page, `demo-${size}-1-home`);

        await search(page, 'dang ky khai sinh', KHAI_SINH.code);
        await screenshot(page, `demo-${size}-2-results`);

        const view = await openKhaiSinh(page);
        await view.scrollIntoViewIfNeeded();
        await screenshot(page, `demo-${size}-3-procedure`);
        if (viewport === PHONE) await assertFitsWidth(page, viewport);

        // Back to the results list.
        await view.locator('button.back').first().click();
        await eventually(async () => {
          assert.equal(await options(page).first().getAttribute('data-code'), KHAI_SINH.code);
        });
      }));
  }

  test('the procedure says when the result is expected, in working days, after the cut-off hour', () =>
    withPage(
      'index.html',
      DESKTOP,
      async (page) => {
        // Friday 20/11/2026 at 16:00, after the 15:00 cut-off of a same-day procedure: Monday.
        await search(page, 'dang ky khai sinh', KHAI_SINH.code);
        const view = await openKhaiSinh(page);
        const due = await view.locator('dl.times .due').allTextContents();
        assert.ok(due.length >= 1, 'an expected result date is shown');
        for (const text of due) assert.equal(text, 'Nộp hôm nay: dự kiến có kết quả thứ Hai, 23/11/2026');
      },
      { now: new Date('2026-11-20T16:00:00') },
    ));

  test('"dang ky ket hon" puts 1.000894 first', () =>
    withPage('index.html', DESKTOP, async (page) => {
      await search(page, 'dang ky ket hon', KET_HON.code);
    }));
});

describe('narrowing results (demo catalog, 360x740)', () => {
  const status = (page) => page.locator('mot-cua [role=status]').first();

  test('"khai sinh": marked words, a field filter narrows the count, "Bỏ lọc" restores it', () =>
    withPage('index.html', PHONE, async (page) => {
      await search(page, 'khai sinh', KHAI_SINH.code);
      const all = (await status(page).textContent()) ?? '';
      const total = Number.parseInt(all, 10);
      assert.ok(total > 10, `many results before filtering: ${all}`);

      // The matched words are marked in the first result's names.
      const marks = await options(page).first().locator('mark').allTextContents();
      assert.ok(marks.some((m) => m.toLowerCase().includes('khai sinh')), `marks: ${JSON.stringify(marks)}`);

      const field = page.locator('mot-cua select#motcua-filter-field');
      const choices = await field.locator('option').allTextContents();
      assert.ok(choices.some((c) => /^Hộ tịch \(\d+\)$/.test(c)), `fields: ${JSON.stringify(choices)}`);
      await field.selectOption('Hộ tịch');
      await eventually(async () => {
        assert.match((await status(page).textContent()) ?? '', /^\d+ kết quả trong lĩnh vực Hộ tịch/);
      });
      const narrowed = Number.parseInt((await status(page).textContent()) ?? '', 10);
      assert.ok(narrowed > 0 && narrowed < total, `${narrowed} of ${total}`);
      for (const meta of await options(page).locator('.option-field').allTextContents()) {
        assert.equal(meta, 'Hộ tịch');
      }
      await assertFitsWidth(page, PHONE);
      await page.locator('mot-cua [role=status]').first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshot(page, 'demo-360x740-4-filtered');

      await page.locator('mot-cua button.clear-filters').click();
      await eventually(async () => assert.equal(await status(page).textContent(), all));
      assert.equal(await field.inputValue(), '');
    }));

  test('nothing found: the portal search link is visible, with the query encoded', () =>
    withPage('index.html', PHONE, async (page) => {
      const box = searchBox(page);
      await box.click();
      await box.pressSequentially('qqxyzw zzkq', { delay: 15 });
      const link = page.locator('mot-cua .no-results a.portal-search');
      await link.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await link.getAttribute('href'), `${PORTAL}/dvc-ket-qua-thu-tuc?keyword=qqxyzw%20zzkq`);
      assert.match((await status(page).textContent()) ?? '', /^Không tìm thấy/);
      await link.scrollIntoViewIfNeeded();
      await screenshot(page, 'demo-360x740-5-no-results');
    }));
});

describe('embedding (dist/embed-example.html)', () => {
  test('the two-line snippet works on a plain page', () =>
    withPage('embed-example.html', DESKTOP, async (page) => {
      await search(page, 'dang ky khai sinh', KHAI_SINH.code);
      await openKhaiSinh(page);
      await screenshot(page, 'embed-example-1280x800-procedure');
    }));
});

describe('catalog format 1.1 (tests/fixtures/commune-sample.json)', () => {
  test('a featured procedure opens, its late-registration case shows the fees by channel at 360x740', () =>
    withPage('fixture.html', PHONE, async (page) => {
      const featured = page.locator(`mot-cua .featured button.procedure-link[data-code="${KHAI_SINH.code}"]`);
      await featured.click();
      const view = procedure(page, KHAI_SINH.code);
      await view.waitFor({ state: 'visible', timeout: 10_000 });
      assert.equal(await view.locator('fieldset.cases legend').textContent(), 'Trường hợp của bạn');

      await view.locator('fieldset.cases input[type=radio]').nth(1).check();
      const row = (label) => view.locator('dl.fees > .channel').filter({ has: page.locator('dt', { hasText: label }) });
      await eventually(async () => {
        assert.equal(await row('Trực tiếp').locator('.fee-amount').textContent(), '8.000 đồng');
      });
      assert.equal(await row('Trực tuyến').locator('.fee-amount').textContent(), '0 đồng khi nộp trực tuyến');
      assert.match(await row('Trực tiếp').locator('.fee-exemptions').textContent(), /^Miễn cho: /);
      assert.match(await row('Trực tuyến').locator('.fee-source').textContent(), /23\/2026\/NQ-HĐND, hiệu lực từ 08\/08\/2026/);
      await assertFitsWidth(page, PHONE);

      await view.locator('fieldset.cases').scrollIntoViewIfNeeded();
      await screenshot(page, 'fixture-360x740-1-cases');
      await view.locator('dl.fees').scrollIntoViewIfNeeded();
      await screenshot(page, 'fixture-360x740-2-fees');
    }));
});

describe('shipped pages', () => {
  test('have no inline <script> (CSP: script-src self)', () => {
    const pages = readdirSync(DIST).filter((f) => f.endsWith('.html'));
    assert.ok(pages.length >= 2, 'dist has the demo and the embed example');
    for (const file of pages) {
      const html = readFileSync(path.join(DIST, file), 'utf8');
      const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)].filter(
        ([, attrs, body]) => !/\bsrc\s*=/i.test(attrs) && body.trim() !== '',
      );
      assert.deepEqual(
        inline.map(([tag]) => tag.slice(0, 120)),
        [],
        `${file} has inline scripts`,
      );
    }
  });
});

describe('deep links and the Back button', () => {
  const hash = (page) => page.evaluate(() => window.location.hash);

  test('a procedure link opens it; a search link fills the box', () =>
    withPage(`index.html#/thu-tuc/${KHAI_SINH.code}`, PHONE, async (page) => {
      await procedure(page, KHAI_SINH.code).waitFor({ state: 'visible', timeout: 10_000 });
      // Another link on the same page, as from a bookmark.
      await page.evaluate(() => { window.location.hash = '#/tim/ket%20hon'; });
      await eventually(async () => {
        assert.equal(await searchBox(page).inputValue(), 'ket hon');
        assert.equal(await options(page).first().getAttribute('data-code'), KET_HON.code);
      });
      assert.equal(await procedure(page, KHAI_SINH.code).count(), 0, 'the procedure closed');
    }));

  test('opening a result adds a history entry; Back returns to the list, the query kept', () =>
    withPage('index.html', DESKTOP, async (page) => {
      await search(page, 'dang ky khai sinh', KHAI_SINH.code);
      await eventually(async () => assert.equal(await hash(page), '#/tim/dang%20ky%20khai%20sinh'));
      await options(page).first().click();
      await procedure(page, KHAI_SINH.code).waitFor({ state: 'visible' });
      assert.equal(await hash(page), `#/thu-tuc/${KHAI_SINH.code}`);

      await page.goBack();
      await eventually(async () => {
        assert.equal(await procedure(page, KHAI_SINH.code).count(), 0, 'the procedure closed');
        assert.equal(await options(page).first().getAttribute('data-code'), KHAI_SINH.code, 'the list is back');
      });
      assert.equal(await searchBox(page).inputValue(), 'dang ky khai sinh');
      assert.equal(await hash(page), '#/tim/dang%20ky%20khai%20sinh');

      // The widget's own back button does the same as the browser's.
      await page.goForward();
      await procedure(page, KHAI_SINH.code).waitFor({ state: 'visible' });
      await procedure(page, KHAI_SINH.code).locator('button.back').click();
      await eventually(async () => assert.equal(await hash(page), '#/tim/dang%20ky%20khai%20sinh'));
      assert.equal(await procedure(page, KHAI_SINH.code).count(), 0);
    }));

  test('the chosen case is in the link, and a link opens its case', () =>
    withPage(`fixture.html#/thu-tuc/${KHAI_SINH.code}/truong-hop/2`, PHONE, async (page) => {
      const view = procedure(page, KHAI_SINH.code);
      await view.waitFor({ state: 'visible', timeout: 10_000 });
      const radios = view.locator('fieldset.cases input[type=radio]');
      await eventually(async () => assert.equal(await radios.nth(1).isChecked(), true, 'the second case'));
      await radios.nth(0).check();
      await eventually(async () => assert.equal(await hash(page), `#/thu-tuc/${KHAI_SINH.code}`));
      // Landed on the link: leaving the procedure stays on the page.
      await view.locator('button.back').click();
      await eventually(async () => assert.equal(await procedure(page, KHAI_SINH.code).count(), 0));
      assert.match(page.url(), /fixture\.html$/);
    }));
});

describe('the checklist of papers', () => {
  test('ticks survive a reload, the summary says what is missing, "Xoá đánh dấu" clears them', () =>
    withPage(`index.html#/thu-tuc/${KHAI_SINH.code}`, PHONE, async (page) => {
      const view = procedure(page, KHAI_SINH.code);
      await view.waitFor({ state: 'visible', timeout: 10_000 });
      const boxes = view.locator('ul.papers input[type=checkbox]');
      // The papers come with the procedure's record (a split catalog's), perhaps after its page.
      await boxes.first().waitFor();
      const total = await boxes.count();
      assert.ok(total >= 2, `papers to tick: ${total}`);
      const summary = view.locator('.checklist-summary');
      assert.match((await summary.textContent()) ?? '', new RegExp(`thiếu ${total} giấy tờ`));

      // The checkbox's name is the paper's (a label around both).
      const first = boxes.first();
      await first.check();
      await eventually(async () =>
        assert.match((await summary.textContent()) ?? '', new RegExp(`thiếu ${total - 1} giấy tờ`)));

      await page.reload({ waitUntil: 'load' });
      await view.waitFor({ state: 'visible', timeout: 10_000 });
      await eventually(async () => assert.equal(await boxes.first().isChecked(), true, 'ticked after a reload'));
      const stored = await page.evaluate(() => Object.keys(window.localStorage));
      assert.deepEqual(stored, [`motcua:checklist:${'1.001193'}:0`], 'one namespaced key');

      for (let i = 0; i < total; i++) await boxes.nth(i).check();
      await eventually(async () => assert.match((await summary.textContent()) ?? '', /đủ/));

      // The printed checklist: a page of its own, the ticked paper ☑, the others ☐ and missing.
      await boxes.nth(1).uncheck();
      const [sheet] = await Promise.all([
        page.context().waitForEvent('page'),
        view.locator('button.print-checklist').click(),
      ]);
      await sheet.locator('main.slip h1').waitFor();
      assert.match((await sheet.locator('main.slip h1').textContent()) ?? '', /khai sinh/i);
      const rows = await sheet.locator('ul.papers li').allTextContents();
      assert.equal(rows.length, total);
      assert.ok(rows[0].startsWith('☑') && !rows[0].includes('còn thiếu'), rows[0]);
      assert.ok(rows[1].startsWith('☐') && rows[1].includes('còn thiếu'), rows[1]);
      assert.match((await sheet.locator('.summary').textContent()) ?? '', /thiếu 1 giấy tờ/);
      assert.equal(await sheet.locator('.qr svg').count(), 1, 'a QR code back to the procedure');
      assert.equal(await sheet.evaluate(() => window.__printCalls), 1, 'the print dialog is asked for, once');
      await sheet.emulateMedia({ media: 'print' });
      await sheet.setViewportSize({ width: 794, height: 1123 });
      await screenshot(sheet, 'checklist-print-a4');
      await sheet.pdf({ path: path.join(REPO, 'test-output', 'checklist-print.pdf'), format: 'A4' });
      await sheet.close();

      await view.locator('button.clear-ticks').click();
      await eventually(async () => assert.equal(await boxes.first().isChecked(), false));
      assert.deepEqual(await page.evaluate(() => Object.keys(window.localStorage)), [], 'nothing left stored');
    }));
});

describe('taking the procedure along', () => {
  test('the QR code and the link open the same procedure and case', () =>
    withPage(`fixture.html#/thu-tuc/${KHAI_SINH.code}/truong-hop/2`, PHONE, async (page) => {
      const view = procedure(page, KHAI_SINH.code);
      await view.waitFor({ state: 'visible', timeout: 10_000 });
      await view.locator('details.share summary').click();
      const link = await view.locator('input.share-link').inputValue();
      assert.equal(link, new URL(`fixture.html#/thu-tuc/${KHAI_SINH.code}/truong-hop/2`, server.url).href);

      // What a phone's camera reads: the SVG drawn on a canvas, decoded by jsQR.
      const { data, width, height } = await view.locator('.qr svg').evaluate(async (svg) => {
        const size = 400;
        const image = new Image();
        image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.outerHTML)}`;
        await image.decode();
        const canvas = Object.assign(document.createElement('canvas'), { width: size, height: size });
        const g = canvas.getContext('2d');
        g.fillStyle = '#fff';
        g.fillRect(0, 0, size, size);
        g.drawImage(image, 0, 0, size, size);
        return { data: Array.from(g.getImageData(0, 0, size, size).data), width: size, height: size };
      });
      const { default: jsQR } = await import('jsqr');
      const read = jsQR(Uint8ClampedArray.from(data), width, height);
      assert.equal(read?.data, link, 'the QR code holds the link');

      // Opened elsewhere (a new tab: the phone), the link shows the same procedure and case.
      const other = await page.context().newPage();
      await other.goto(link, { waitUntil: 'load' });
      const there = procedure(other, KHAI_SINH.code);
      await there.waitFor({ state: 'visible', timeout: 30_000 });
      await eventually(async () =>
        assert.equal(await there.locator('fieldset.cases input[type=radio]').nth(1).isChecked(), true));
      await other.close();
    }));
});

// ---------------------------------------------------------------------------------------------
// Three citizens' journeys on the demo catalog, from what they know to the portal's link.

describe('journeys, start to portal (demo catalog, 360x740)', () => {
  /** Ticks the first `n` papers, reloads, and checks they are still ticked; returns how many there are. */
  async function tickAndReload(page, view, n) {
    const boxes = view.locator('ul.papers input[type=checkbox]');
    for (let i = 0; i < n; i++) await boxes.nth(i).check();
    await page.reload({ waitUntil: 'load' });
    await view.waitFor({ state: 'visible', timeout: 30_000 });
    for (let i = 0; i < n; i++) {
      await eventually(async () => assert.equal(await boxes.nth(i).isChecked(), true, `paper ${i} still ticked`));
    }
    return boxes.count();
  }

  /** The printed checklist opens with `ticked` papers ☑; returns its page closed. */
  async function printed(page, view, ticked, name) {
    const [sheet] = await Promise.all([page.context().waitForEvent('page'), view.locator('button.print-checklist').click()]);
    await sheet.locator('main.slip h1').waitFor();
    const rows = await sheet.locator('ul.papers li').allTextContents();
    // A paper listed in several groups is one paper: ticked once, ☑ everywhere.
    const have = new Set(rows.filter((r) => r.startsWith('☑')));
    assert.equal(have.size, ticked, `☑ rows: ${[...have].map((r) => r.slice(0, 60)).join(' | ')}`);
    await sheet.emulateMedia({ media: 'print' });
    await screenshot(sheet, `journey-${name}-printed`);
    await sheet.close();
  }

  /** The link to take along holds this procedure (and case). */
  async function sharedLink(view, fragment) {
    await view.locator('details.share summary').click();
    assert.ok((await view.locator('input.share-link').inputValue()).endsWith(fragment));
    assert.equal(await view.locator('.qr svg').count(), 1);
  }

  test('a new baby: situation → khai sinh (late case) → papers → the interlinked khai sinh + BHYT route', () =>
    withPage('index.html', PHONE, async (page) => {
      await page.locator('mot-cua details.life-event[data-id="co-con-nho"] summary').click();
      await page.locator(`mot-cua details.life-event[data-id="co-con-nho"] button.procedure-link[data-code="${KHAI_SINH.code}"]`).click();
      const view = procedure(page, KHAI_SINH.code);
      await view.waitFor({ state: 'visible' });
      await view.locator('fieldset.cases input[type=radio]').nth(1).check();
      await eventually(async () => assert.match(page.url(), /#\/thu-tuc\/1\.001193\/truong-hop\/2$/));
      await tickAndReload(page, view, 2);
      assert.equal(await view.locator('fieldset.cases input[type=radio]').nth(1).isChecked(), true, 'the case after reload');
      await printed(page, view, 2, 'khai-sinh');
      await sharedLink(view, '#/thu-tuc/1.001193/truong-hop/2');
      assert.equal(
        await view.locator('a.start-online').getAttribute('href'),
        `${PORTAL}/nop-ho-so?formalityId=${KHAI_SINH.portalId}`,
      );
      await screenshot(page, 'journey-khai-sinh-procedure');

      // The interlinked route: khai sinh, thường trú, BHYT and căn cước in one application.
      await view.locator('.journey-interlinked button.procedure-link[data-code="3.000722"]').click();
      const lienthong = procedure(page, '3.000722');
      await lienthong.waitFor({ state: 'visible' });
      assert.match((await lienthong.locator('h2').textContent()) ?? '', /BHYT|bảo hiểm y tế/i);
      assert.equal(
        await lienthong.locator('a.start-lienthong').getAttribute('href'),
        'https://lienthong.dichvucong.gov.vn/#/ke-khai/3.000722',
      );
    }));

  test('a marriage: unaccented search → đăng ký kết hôn → papers → the portal', () =>
    withPage('index.html', PHONE, async (page) => {
      await search(page, 'dang ky ket hon', KET_HON.code);
      await options(page).first().click();
      const view = procedure(page, KET_HON.code);
      await view.waitFor({ state: 'visible' });
      await tickAndReload(page, view, 1);
      await printed(page, view, 1, 'ket-hon');
      await sharedLink(view, `#/thu-tuc/${KET_HON.code}`);
      assert.match((await view.locator('.before-start').textContent()) ?? '', /VNeID/);
      assert.match((await view.locator('a.start-online').getAttribute('href')) ?? '', /^https:\/\/dichvucong\.gov\.vn\/nop-ho-so\?formalityId=[0-9a-f-]{36}$/);
    }));

  test('a house: everyday words → giấy phép xây dựng → its case → papers → the portal', () =>
    withPage('index.html', PHONE, async (page) => {
      await search(page, 'xin giay phep xay nha', '1.013225');
      await options(page).first().click();
      const view = procedure(page, '1.013225');
      await view.waitFor({ state: 'visible' });
      await view.locator('fieldset.cases input[type=radio]').nth(1).check();
      await tickAndReload(page, view, 1);
      await printed(page, view, 1, 'xay-dung');
      await sharedLink(view, '#/thu-tuc/1.013225/truong-hop/2');
      assert.match((await view.locator('a.start-online').getAttribute('href')) ?? '', /^https:\/\/dichvucong\.gov\.vn\/nop-ho-so\?formalityId=[0-9a-f-]{36}$/);
      await screenshot(page, 'journey-xay-dung-procedure');
    }));
});

describe('browsing by field', () => {
  test('the home view lists the fields, the largest first, each opening to its procedures', () =>
    withPage('index.html', PHONE, async (page) => {
      const fields = page.locator('mot-cua section.fields details.field');
      const names = await fields.locator('summary').allTextContents();
      assert.ok(names.length >= 5, `fields: ${names.length}`);
      const counts = names.map((n) => Number(/\((\d+)\)$/.exec(n)?.[1]));
      assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'the largest first');
      const hoTich = fields.filter({ has: page.locator('summary', { hasText: /^Hộ tịch \(\d+\)$/ }) });
      await hoTich.locator('summary').click();
      await hoTich.locator(`button.procedure-link[data-code="${KHAI_SINH.code}"]`).click();
      await procedure(page, KHAI_SINH.code).waitFor({ state: 'visible' });
    }));
});
