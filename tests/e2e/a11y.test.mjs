// Accessibility, end to end: axe-core (WCAG 2.0/2.1 A and AA rules) inside the widget's shadow root
// on every view (home, results, a procedure, nothing found, catalog unavailable) at phone and desktop
// sizes; a journey done with the keyboard alone; reflow at 320 CSS px and at 200 % zoom.
//
// Run: scripts/test (builds dist/ first), or `node --test tests/e2e/a11y.test.mjs` after a trunk build.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';

import { startServer } from './server.mjs';
import { DIST, launchChromium, openPage, requireDist, waitForWidget } from './helpers.mjs';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 800 };
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// A page whose catalog cannot be fetched: the widget's "unavailable" view.
const ROUTES = {
  '/unavailable.html': {
    type: 'text/html; charset=utf-8',
    body:
      '<!doctype html><html lang="vi"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1"><title>motcua unavailable</title>' +
      '<script type="module" src="motcua.js"></script></head>' +
      '<body><main><mot-cua catalog="no-such-catalog.json"></mot-cua></main></body></html>',
  },
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

const searchBox = (page) => page.locator('mot-cua input[type=search][role=combobox]');

async function open(pagePath, viewport, { ready = true } = {}) {
  const { context, page } = await openPage(browser, { allowedOrigins: [server.origin], viewport });
  await page.goto(new URL(pagePath, server.url).href, { waitUntil: 'load' });
  if (ready) await waitForWidget(page);
  return { context, page };
}

const INSIDE = (selector) => JSON.stringify([['mot-cua', selector]]);

/** axe-core on the widget only, its open shadow root included. */
async function axe(page) {
  return new AxeBuilder({ page }).include('mot-cua').withTags(TAGS).analyze();
}

/** Fails listing every violation; first checks that axe really looked inside the shadow root. */
async function audit(page, view) {
  const results = await axe(page);
  // A node inside the shadow root is named [["mot-cua", "<selector inside>"]]: the search box
  // (on every view, the unavailable one included) must be among the nodes axe checked.
  const checked = new Set(
    [...results.passes, ...results.incomplete, ...results.violations]
      .flatMap((r) => r.nodes.map((n) => JSON.stringify(n.target))),
  );
  assert.ok(checked.has(INSIDE('#motcua-input')), `${view}: axe did not reach the search box in the shadow root`);
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`,
  );
  assert.deepEqual(problems, [], `${view}: axe violations:\n${problems.join('\n')}`);
}

/** Types like a person and waits for the list (or the "nothing found" box). */
async function type(page, query, shown = 'li[role=option]') {
  await searchBox(page).pressSequentially(query, { delay: 10 });
  await page.locator(`mot-cua ${shown}`).first().waitFor();
}

const VIEWS = [
  ['home, a life event and a field folded open', 'index.html', async (page) => {
    await page.locator('mot-cua details.life-event summary').first().click();
    await page.locator('mot-cua section.fields details.field summary').first().click();
  }],
  ['results', 'index.html', (page) => type(page, 'khai sinh')],
  ['procedure with the link to take along open', 'index.html', async (page) => {
    await type(page, 'khai sinh');
    await page.locator('mot-cua li[role=option]').first().click();
    await page.locator('mot-cua section.procedure').waitFor();
    await page.locator('mot-cua details.share summary').click();
  }],
  ['no results', 'index.html', (page) => type(page, 'xyzxyz qqq', '.no-results')],
  ['desk mode: a procedure with a staff note beside the list, the slip holding it', 'desk.html', async (page) => {
    await type(page, 'khai sinh');
    await searchBox(page).press('Enter');
    await page.locator('mot-cua section.procedure .staff-note').waitFor();
    await page.locator('mot-cua button.slip-add').click();
    await page.locator('mot-cua ol.slip-entries li').waitFor();
  }],
];

for (const viewport of [PHONE, DESKTOP]) {
  describe(`axe-core at ${viewport.width}x${viewport.height}`, () => {
    for (const [name, pagePath, reach] of VIEWS) {
      test(name, async () => {
        const { context, page } = await open(pagePath, viewport);
        try {
          await reach(page);
          await audit(page, name);
        } finally {
          await context.close();
        }
      });
    }

    test('catalog unavailable', async () => {
      const { context, page } = await open('unavailable.html', viewport, { ready: false });
      try {
        await page.locator('mot-cua .error').waitFor({ timeout: 30_000 });
        await audit(page, 'catalog unavailable');
      } finally {
        await context.close();
      }
    });
  });
}

test('axe reports a violation planted inside the shadow root (the audits can fail)', async () => {
  const { context, page } = await open('index.html', PHONE);
  try {
    await page.locator('mot-cua').evaluate((host) => {
      host.shadowRoot.querySelector('.search').insertAdjacentHTML('beforeend', '<button id="a11y-canary"></button>');
    });
    const { violations } = await axe(page);
    const nameless = violations.find((v) => v.id === 'button-name');
    assert.deepEqual(nameless?.nodes.map((n) => JSON.stringify(n.target)), [INSIDE('#a11y-canary')]);
  } finally {
    await context.close();
  }
});

test('a journey with the keyboard alone: search, choose, open, read, back', async () => {
  const { context, page } = await open('index.html', DESKTOP);
  try {
    // The focused element, through the shadow root.
    const active = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { tag: el?.tagName, cls: el?.className ?? '', id: el?.id ?? '' };
    });
    // Tab from the top of the page (past the skip link and the site's links) reaches the search box.
    for (let i = 0; i < 30 && (await active()).id !== 'motcua-input'; i++) await page.keyboard.press('Tab');
    assert.equal((await active()).id, 'motcua-input', 'Tab reaches the search box');

    await page.keyboard.type('dang ky khai sinh', { delay: 10 });
    const first = page.locator('mot-cua li[role=option]').first();
    await first.waitFor();
    const [firstId, code] = [await first.getAttribute('id'), await first.getAttribute('data-code')];
    const box = searchBox(page);
    assert.equal(await box.getAttribute('aria-activedescendant'), null, 'no active option before the arrow keys');
    await page.keyboard.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), firstId, 'ArrowDown makes the first option active');
    assert.equal(await first.getAttribute('aria-selected'), 'true');
    assert.equal((await active()).id, 'motcua-input', 'the focus stays in the box');

    await page.keyboard.press('Enter');
    await page.locator(`mot-cua section.procedure[data-code="${code}"]`).waitFor();
    assert.equal((await active()).id, 'motcua-title', 'the focus is on the procedure title');

    // Tab goes through the procedure's controls; the start link is among them.
    const reached = [];
    for (let i = 0; i < 40 && !/start-online/.test(reached.at(-1)); i++) {
      await page.keyboard.press('Tab');
      reached.push((await active()).cls);
    }
    assert.match(reached.at(-1), /start-online/, `Tab reaches "Nộp hồ sơ trực tuyến": ${reached.join(', ')}`);

    await page.keyboard.press('Escape');
    await page.locator('mot-cua section.procedure').waitFor({ state: 'detached' });
    assert.equal((await active()).id, 'motcua-input', 'Escape returns the focus to the search box');
    assert.equal(await box.inputValue(), 'dang ky khai sinh');
    assert.equal(await first.getAttribute('data-code'), code, 'the list is back');
  } finally {
    await context.close();
  }
});

// WCAG 1.4.10 (reflow): at 320 CSS px wide, and at 200 % zoom of a 1280x800 window (640x400 CSS px),
// every view fits the width: nothing to scroll sideways.
for (const viewport of [{ width: 320, height: 640 }, { width: 640, height: 400 }]) {
  describe(`reflow at ${viewport.width}x${viewport.height}`, () => {
    for (const [name, pagePath, reach] of VIEWS) {
      test(name, async () => {
        const { context, page } = await open(pagePath, viewport);
        try {
          await reach(page);
          const widths = await page.evaluate(() => {
            const host = document.querySelector('mot-cua');
            const widest = [...host.shadowRoot.querySelectorAll('*')]
              .map((el) => ({ el, right: el.getBoundingClientRect().right }))
              .sort((a, b) => b.right - a.right)[0];
            return {
              page: document.documentElement.scrollWidth,
              right: widest?.right ?? 0,
              what: widest ? `${widest.el.tagName}.${widest.el.className}` : '',
            };
          });
          assert.ok(widths.page <= viewport.width, `${name}: the page scrolls sideways (${widths.page}px)`);
          assert.ok(widths.right <= viewport.width + 1, `${name}: ${widths.what} reaches ${widths.right}px`);
        } finally {
          await context.close();
        }
      });
    }
  });
}
