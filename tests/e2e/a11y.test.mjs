// Accessibility, end to end: axe-core (WCAG 2.0/2.1 A and AA rules) inside the widget's shadow root
// on every view, at phone and desktop sizes; and a journey done with the keyboard alone.
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

/** axe-core on the widget only (its shadow root included); fails listing every violation. */
async function audit(page, view) {
  const results = await new AxeBuilder({ page }).include('mot-cua').withTags(TAGS).analyze();
  // axe really looked inside the shadow root: nodes reached through it are named
  // ["mot-cua", "<selector inside>"].
  const inside = results.passes.flatMap((r) => r.nodes).filter((n) =>
    n.target.some((t) => Array.isArray(t) && t[0] === 'mot-cua' && t.length > 1));
  assert.ok(inside.length > 5, `${view}: axe checked the inside of the widget (${inside.length} nodes)`);
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n    ')}`,
  );
  assert.deepEqual(problems, [], `${view}: axe violations:\n${problems.join('\n')}`);
}

const VIEWS = [
  ['home', 'index.html', async () => {}],
  ['results', 'index.html', async (page) => {
    await searchBox(page).fill('khai sinh');
    await page.locator('mot-cua li[role=option]').first().waitFor();
  }],
  ['procedure with the link to take along open', 'index.html#/thu-tuc/1.001193', async (page) => {
    await page.locator('mot-cua section.procedure').waitFor();
    await page.locator('mot-cua details.share summary').click();
  }],
  ['no results', 'index.html#/tim/xyzxyz%20qqqq', async (page) => {
    await page.locator('mot-cua .no-results, mot-cua [role=status]').first().waitFor();
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

test('a journey with the keyboard alone: search, choose, open, read, back', async () => {
  const { context, page } = await open('index.html', DESKTOP);
  try {
    const active = () => page.evaluate(() => {
      let el = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return { tag: el?.tagName, cls: el?.className ?? '', id: el?.id ?? '' };
    });
    // Tab from the top of the page reaches the search box.
    for (let i = 0; i < 30 && (await active()).tag !== 'INPUT'; i++) await page.keyboard.press('Tab');
    assert.equal((await active()).tag, 'INPUT', 'Tab reaches the search box');

    await page.keyboard.type('dang ky khai sinh', { delay: 10 });
    await page.locator('mot-cua li[role=option]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const box = searchBox(page);
    const option = await box.getAttribute('aria-activedescendant');
    assert.ok(option, 'aria-activedescendant names the active option');
    assert.equal(await page.locator(`mot-cua #${option}`).getAttribute('aria-selected'), 'true');

    await page.keyboard.press('Enter');
    await page.locator('mot-cua section.procedure').waitFor();
    assert.equal((await active()).id, 'motcua-title', 'the focus is on the procedure title');

    // Tab goes through the page's controls; the start link is among them.
    const reached = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      reached.push((await active()).cls);
      if (/start-online/.test(reached.at(-1))) break;
    }
    assert.ok(reached.some((c) => /start-online/.test(c)), `Tab reaches "Nộp hồ sơ trực tuyến": ${reached.join(', ')}`);

    await page.keyboard.press('Escape');
    await page.locator('mot-cua section.procedure').waitFor({ state: 'detached' });
    assert.equal((await active()).tag, 'INPUT', 'Escape returns to the search box');
    assert.equal(await box.inputValue(), 'dang ky khai sinh');
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
