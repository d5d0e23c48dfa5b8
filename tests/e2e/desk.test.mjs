// Desk mode (issue 6): desk.html as staff use it, keyboard only; the guidance slip printed to a
// PDF by Chromium, the PDF rendered back to images by pdf.js and read the way a citizen would:
// every element legible (its text, a smallest type size, the QR codes decoding to the portal);
// the reset after inactivity leaving nothing of one citizen for the next.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

import { startServer } from './server.mjs';
import { DIST, OUTPUT, REPO, eventually, launchChromium, requireDist, screenshot, visit } from './helpers.mjs';

// The facts, from the single file the demo's split catalog is made of (dist/ has only summaries
// in its index).
const CATALOG = JSON.parse(readFileSync(path.join(REPO, 'public/catalogs/commune-demo.json'), 'utf8'));
const KHAI_SINH = '1.001193';
const THUONG_TRU = '1.004222';
const XAY_NHA = '1.013225';
const DESK = { width: 1280, height: 800 };
// A Monday morning: khai sinh is done within the day (papers before 15:00), so the date is sure.
const MONDAY = new Date(2026, 10, 23, 9, 0);
const SUBMIT = (id) => `https://dichvucong.gov.vn/nop-ho-so?formalityId=${id}`;

// The demo catalog leaves the desk's address and hours empty (the data lacks them): the commune's
// overlay gives them, here a made-up one for the test.
const DESK_INFO = {
  name: 'Bộ phận một cửa (thử nghiệm)',
  address: 'Số 1 đường Thử Nghiệm, xã Thử Nghiệm',
  hours: 'Thứ Hai đến Thứ Sáu, 7:30–11:30 và 13:30–17:00',
};
const OVERLAY = {
  format: 'motcua-overlay',
  format_version: '1.0',
  note: 'Test overlay: made-up desk details, never shipped.',
  commune: { name: 'Xã Thử Nghiệm', desk: DESK_INFO },
};
const modules = (dir) => path.join(REPO, 'node_modules', dir);
const ROUTES = {
  '/test-overlay.json': { type: 'application/json; charset=utf-8', body: JSON.stringify(OVERLAY) },
  '/__pdf.html': { type: 'text/html; charset=utf-8', body: '<!doctype html><title>pdf</title><body></body>' },
  '/__pdfjs/pdf.mjs': { type: 'text/javascript', body: readFileSync(modules('pdfjs-dist/build/pdf.min.mjs')) },
  '/__pdfjs/pdf.worker.mjs': { type: 'text/javascript', body: readFileSync(modules('pdfjs-dist/build/pdf.worker.min.mjs')) },
  '/__jsqr.js': { type: 'text/javascript', body: readFileSync(modules('jsqr/dist/jsQR.js')) },
};

let server;
let browser;

before(async () => {
  requireDist(['desk.html', 'desk.css', 'motcua.js', 'pkg/motcua_bg.wasm']);
  server = await startServer({ root: DIST, routes: ROUTES });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

const desk = (page) => page.locator('mot-cua .motcua.desk');
const procedure = (page, code) => page.locator(`mot-cua section.procedure[data-code="${code}"]`);
const byCode = (code) => CATALOG.procedures.find((p) => p.code === code);

/** What has the keyboard focus, looking into the widget's shadow root. */
function focused(page) {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return {
      tag: el?.tagName.toLowerCase(),
      type: el?.getAttribute('type') ?? '',
      id: el?.id ?? '',
      inPapers: Boolean(el?.closest('ul.papers')),
      inCases: Boolean(el?.closest('fieldset.cases')),
      checked: Boolean(el?.checked),
      text: (el?.textContent ?? '').trim().slice(0, 80),
    };
  });
}

/** Presses Tab until `wanted(focused)` holds. */
async function tabTo(page, wanted, what) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** The non-note papers of a procedure's case, as the catalog has them. */
function papers(code, caseIndex) {
  const p = byCode(code);
  const groups = p.cases?.[caseIndex]?.paper_groups?.length ? p.cases[caseIndex].paper_groups : p.paper_groups;
  return groups.flatMap((g) => g.papers).filter((x) => x.kind !== 'note');
}

/**
 * Renders every page of `pdf` with pdf.js in a page of the browser, at 144 dpi, and reads it:
 * its size in points, its text, the smallest type used, and every QR code on it (each decoded
 * one is painted over, so that jsQR finds the next). The images go to test-output/.
 */
async function readPdf(name, pdf) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(new URL('__pdf.html', server.url).href);
    await page.addScriptTag({ url: '/__jsqr.js' });
    const pages = await page.evaluate(async (base64) => {
      const pdfjs = await import('/__pdfjs/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = '/__pdfjs/pdf.worker.mjs';
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const doc = await pdfjs.getDocument({ data }).promise;
      const out = [];
      for (let n = 1; n <= doc.numPages; n++) {
        const pdfPage = await doc.getPage(n);
        const size = pdfPage.getViewport({ scale: 1 });
        const viewport = pdfPage.getViewport({ scale: 2 });
        const canvas = Object.assign(document.createElement('canvas'), { width: viewport.width, height: viewport.height });
        const g = canvas.getContext('2d', { willReadFrequently: true });
        await pdfPage.render({ canvasContext: g, viewport, canvas }).promise;
        const png = canvas.toDataURL('image/png');
        const content = await pdfPage.getTextContent();
        const items = content.items.filter((i) => i.str.trim());
        const text = content.items.map((i) => i.str + (i.hasEOL ? '\n' : '')).join('');
        const smallest = Math.min(...items.map((i) => Math.hypot(i.transform[2], i.transform[3])));
        const codes = [];
        for (;;) {
          const image = g.getImageData(0, 0, canvas.width, canvas.height);
          const found = window.jsQR(image.data, image.width, image.height);
          if (!found) break;
          codes.push(found.data);
          const xs = Object.values(found.location).map((p) => p.x);
          const ys = Object.values(found.location).map((p) => p.y);
          g.fillStyle = '#fff';
          g.fillRect(Math.min(...xs) - 12, Math.min(...ys) - 12, Math.max(...xs) - Math.min(...xs) + 24, Math.max(...ys) - Math.min(...ys) + 24);
        }
        out.push({ width: size.width, height: size.height, text, smallest, codes, png });
      }
      return out;
    }, pdf.toString('base64'));
    mkdirSync(OUTPUT, { recursive: true });
    pages.forEach((p, i) => {
      writeFileSync(path.join(OUTPUT, `${name}-page${i + 1}.png`), Buffer.from(p.png.split(',')[1], 'base64'));
    });
    const text = pages.map((p) => p.text).join('\n').normalize('NFC');
    return { pages, text, codes: pages.flatMap((p) => p.codes) };
  } finally {
    await context.close();
  }
}

/** Text compared without its line breaks and spaces (the PDF wraps lines anywhere). */
const squash = (s) => s.normalize('NFC').replace(/\s+/g, '').toLocaleLowerCase('vi');
const shows = (text, part) => squash(text).includes(squash(part));

/** Prints the slip with `p` and returns the PDF Chromium makes of it, at the size its CSS asks. */
async function printSlip(page) {
  const [sheet] = await Promise.all([page.context().waitForEvent('page'), page.keyboard.press('p')]);
  await sheet.locator('main.slip.guidance').waitFor();
  assert.equal(await sheet.evaluate(() => window.__printCalls), 1, 'the print dialog is asked for, once');
  await sheet.emulateMedia({ media: 'print' });
  const pdf = await sheet.pdf({ preferCSSPageSize: true, printBackground: true });
  await sheet.close();
  return pdf;
}

describe('desk mode', () => {
  test('desk.html, keyboard only: find a procedure, tick papers, print the slip; the PDF shows every element legibly', () =>
    visit(browser, server, 'desk.html', DESK, async (page) => {
      await desk(page).waitFor();
      // The commune's overlay with its desk's address and hours (a new attribute remounts).
      const ready = await page.evaluate(() => window.__motcuaReady);
      await page.locator('mot-cua').evaluate((el) => el.setAttribute('overlay', 'test-overlay.json'));
      await page.waitForFunction((n) => window.__motcuaReady > n, ready);
      await desk(page).waitFor();
      // `/` from anywhere on the page goes to the search box.
      await page.keyboard.press('/');
      assert.equal((await focused(page)).id, 'motcua-input', '/ focuses the search');
      await page.keyboard.type('khai sinh', { delay: 15 });
      await page.locator('mot-cua li[role=option]').first().waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      const view = procedure(page, KHAI_SINH);
      await view.waitFor();
      // Two panes: the list stays beside the procedure.
      assert.ok(await page.locator('mot-cua .desk-search li[role=option]').first().isVisible(), 'the list stays');
      assert.ok(await page.locator('mot-cua .desk-procedure section.procedure').isVisible());
      const list = await page.locator('mot-cua .desk-search').boundingBox();
      const pane = await page.locator('mot-cua .desk-procedure').boundingBox();
      assert.ok(pane.x >= list.x + list.width - 1, 'the procedure is to the right of the list');
      assert.equal((await focused(page)).id, 'motcua-title', 'Enter opens the procedure at its title');
      // Staff notes are for staff: shown here.
      assert.match((await view.locator('.staff-note').textContent()) ?? '', /Ghi chú cho cán bộ.*giấy chứng sinh/s);

      // The late case, with the arrow keys on its radio buttons.
      const late = byCode(KHAI_SINH).cases[1].name;
      await tabTo(page, (f) => f.inCases && f.type === 'radio', 'the cases');
      await page.keyboard.press('ArrowDown');
      await eventually(async () => assert.equal(await view.locator('fieldset.cases input').nth(1).isChecked(), true));
      // Tick the first and third papers with Space.
      const wanted = papers(KHAI_SINH, 1);
      assert.ok(wanted.length >= 4, `papers of the late case: ${wanted.length}`);
      const first = await tabTo(page, (f) => f.inPapers && f.type === 'checkbox', 'the first paper');
      await page.keyboard.press('Space');
      await tabTo(page, (f) => f.inPapers && f.type === 'checkbox', 'the second paper');
      await tabTo(page, (f) => f.inPapers && f.type === 'checkbox', 'the third paper');
      await page.keyboard.press('Space');
      const boxes = view.locator('ul.papers input[type=checkbox]');
      await eventually(async () => {
        assert.equal(await boxes.nth(0).isChecked(), true, first.text);
        assert.equal(await boxes.nth(2).isChecked(), true);
      });
      const due = (await view.locator('.times .due').first().textContent()).trim();
      assert.match(due, /23\/11\/2026/, 'a Monday before 15:00: the same day');
      await screenshot(page, 'desk-procedure-1280');

      const pdf = await printSlip(page);
      writeFileSync(path.join(OUTPUT, 'desk-slip-a4.pdf'), pdf);
      const read = await readPdf('desk-slip-a4', pdf);
      const { text } = read;
      assert.equal(Math.round(read.pages[0].width), 595, 'A4 width in points');
      assert.equal(Math.round(read.pages[0].height), 842, 'A4 height in points');
      // Every element of the slip, read back from the PDF.
      const missing = wanted.length - 2;
      const expected = [
        ['commune', OVERLAY.commune.name],
        ['desk', DESK_INFO.name],
        ['desk address', `Địa chỉ: ${DESK_INFO.address}`],
        ['desk hours', `Giờ làm việc: ${DESK_INFO.hours}`],
        ['title', 'Phiếu hướng dẫn thực hiện thủ tục hành chính'],
        ['date', 'Ngày: 23/11/2026'],
        ['name', 'Làm giấy khai sinh cho con'],
        ['code', `Mã thủ tục: ${KHAI_SINH}`],
        ['case', `Trường hợp của bạn: ${late}`],
        ['missing count', `Bạn còn thiếu ${missing} giấy tờ`],
        ['fees', 'Phí, lệ phí'],
        ['expected result date', due],
        ['QR caption', 'Quét mã để nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia'],
        ['where', 'Nơi nộp hồ sơ'],
        ['officer line', 'Cán bộ hướng dẫn:'],
        ['signature', '(Ký, ghi rõ họ tên)'],
      ];
      for (const [what, part] of expected) assert.ok(shows(text, part), `the slip shows the ${what}: ${part}`);
      for (const paper of wanted) {
        const name = paper.name.replace(/^\s*[-+•*]\s*/, '');
        assert.ok(shows(text, name.slice(0, 60)), `the slip lists ${name.slice(0, 60)}`);
      }
      const flags = (text.match(/CÒN THIẾU/g) ?? []).length;
      assert.equal(flags, missing, 'each missing paper is flagged, the ticked ones are not');
      assert.deepEqual(read.codes, [SUBMIT(byCode(KHAI_SINH).portal_id)], 'the QR code opens the submission page');
      for (const p of read.pages) assert.ok(p.smallest >= 8, `no type under 8 pt (smallest ${p.smallest.toFixed(1)} pt)`);

      // Esc goes back to the list, with the search box focused; `/` selects what was typed.
      await page.keyboard.press('Escape');
      await eventually(async () => assert.equal(await view.count(), 0));
      assert.equal((await focused(page)).id, 'motcua-input');
      await page.keyboard.press('Shift+Tab');
      assert.notEqual((await focused(page)).id, 'motcua-input');
      await page.keyboard.press('/');
      const selected = await page.evaluate(() => {
        const input = document.querySelector('mot-cua').shadowRoot.querySelector('#motcua-input');
        return input.value.slice(input.selectionStart, input.selectionEnd);
      });
      assert.equal(selected, 'khai sinh', '/ selects the query, ready for the next one');
    }, { now: MONDAY }));

  test('a slip of several procedures: an interlinked journey and a building permit, on A5', () =>
    visit(browser, server, `desk.html#/thu-tuc/${KHAI_SINH}`, DESK, async (page) => {
      const view = procedure(page, KHAI_SINH);
      await view.waitFor();
      await view.locator('button.slip-add-journey').first().click();
      const entries = page.locator('mot-cua .desk-slip ol.slip-entries li');
      await eventually(async () => assert.equal(await entries.count(), 2));
      await page.keyboard.press('/');
      await page.keyboard.type('xin giay phep xay nha', { delay: 10 });
      await page.locator(`mot-cua li[role=option][data-code="${XAY_NHA}"]`).click();
      await procedure(page, XAY_NHA).waitFor();
      await page.locator('mot-cua .paper-size label', { hasText: 'A5' }).click();
      await screenshot(page, 'desk-slip-panel-1280');
      // The open procedure is printed with the two added ones.
      await page.locator('mot-cua .desk-procedure h2#motcua-title').focus();
      const pdf = await printSlip(page);
      writeFileSync(path.join(OUTPUT, 'desk-slip-a5.pdf'), pdf);
      const read = await readPdf('desk-slip-a5', pdf);
      assert.equal(Math.round(read.pages[0].width), 420, 'A5 width in points');
      assert.equal(Math.round(read.pages[0].height), 595, 'A5 height in points');
      for (const code of [KHAI_SINH, THUONG_TRU, XAY_NHA]) {
        assert.ok(shows(read.text, `Mã thủ tục: ${code}`), `the slip has ${code}`);
      }
      assert.ok(shows(read.text, '75.000'), 'the building permit fee for a house (NQ 45/2018)');
      assert.deepEqual(
        [...read.codes].sort(),
        [KHAI_SINH, THUONG_TRU, XAY_NHA].map((c) => SUBMIT(byCode(c).portal_id)).sort(),
        'one QR code per procedure, each to its submission page',
      );
      for (const p of read.pages) assert.ok(p.smallest >= 7, `no type under 7 pt on A5 (smallest ${p.smallest.toFixed(1)} pt)`);
    }, { now: MONDAY }));

  test('staff notes are not shown to citizens', () =>
    visit(browser, server, `index.html#/thu-tuc/${KHAI_SINH}`, DESK, async (page) => {
      const view = procedure(page, KHAI_SINH);
      await view.waitFor();
      assert.ok(byCode(KHAI_SINH).staff_note, 'the demo catalog has a staff note here');
      assert.equal(await view.locator('.staff-note').count(), 0);
      assert.equal(await page.locator('mot-cua .desk-slip').count(), 0);
    }));

  test('after inactivity the desk goes back to the start and forgets the citizen', () =>
    visit(browser, server, 'desk.html', DESK, async (page) => {
      // A short delay for the test (desk.html has the 5-minute default); setting it remounts.
      const ready = await page.evaluate(() => window.__motcuaReady);
      await page.locator('mot-cua').evaluate((el) => el.setAttribute('reset-after', '3'));
      await page.waitForFunction((n) => window.__motcuaReady > n, ready);
      const entries = await page.evaluate(() => history.length);
      await page.keyboard.press('/');
      await page.keyboard.type('khai sinh', { delay: 10 });
      await page.locator('mot-cua li[role=option]').first().waitFor();
      await page.keyboard.press('Enter');
      const view = procedure(page, KHAI_SINH);
      await view.waitFor();
      await view.locator('ul.papers input[type=checkbox]').first().check();
      await page.locator('mot-cua button.slip-add').click();
      const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('motcua:')));
      assert.deepEqual(await stored(), [`motcua:checklist:${KHAI_SINH}:0`]);

      // In use (the mouse moving) for longer than the delay: nothing is reset.
      for (let i = 0; i < 8; i++) {
        await page.mouse.move(300 + i * 10, 400);
        await page.waitForTimeout(500);
      }
      assert.equal(await view.count(), 1, 'still open while in use');

      // Then left alone.
      await eventually(async () => assert.equal(await view.count(), 0, 'the procedure is closed'), { timeout: 8_000 });
      assert.equal(await page.locator('mot-cua input[type=search]').inputValue(), '', 'the query is gone');
      assert.deepEqual(await stored(), [], 'no ticks left on the device');
      assert.equal(await page.locator('mot-cua .desk-slip ol.slip-entries').count(), 0, 'the slip is empty');
      assert.equal(await page.evaluate(() => location.hash), '', 'nothing in the address');
      // Nor in the history: Back cannot bring the previous person's procedure back.
      assert.equal(await page.evaluate(() => history.length), entries, 'no history entry added');
      assert.match((await page.locator('mot-cua .reset-note').textContent()) ?? '', /người tiếp theo/);
      await screenshot(page, 'desk-after-reset-1280');
    }));
});
