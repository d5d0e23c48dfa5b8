// Loading figures for issue 8: the size of every shipped file (raw, gzip, brotli) against the
// budgets (bench/budgets.mjs), and in headless Chromium, unthrottled and under "Slow 4G" (1.6 Mbit/s
// down, 750 kbit/s up, 150 ms RTT) with a 4x CPU slowdown, for the commune and the national
// catalog: the time to the first result, and then the time to a procedure's details once it is
// opened (a split catalog fetches its record then), and the first result on a second visit; and,
// for scale, the floor: the same for a page whose script shows a result at once. Files
// are served brotli-compressed, with ETags and `Cache-Control: no-cache`, as docs/embedding.md
// advises. Chromium is driven over the DevTools protocol by bench/cdp.mjs, not by Playwright, so
// that the pages run nothing of the driver's that a visitor's browser would not. Prints tables and
// writes JSON; asserts nothing.
//
//   node bench/load.mjs --dist dist --national target/bench/split/national.json --json-out target/bench/load.json [--runs 3]
//     [--scaled target/bench/split/scaled.json]
//
// --national is a catalog's index in the split form, with its records in the folder beside it
// (motcua split); a single-file catalog works too. --scaled is a larger catalog made by
// bench/scale.mjs (issue 9: 20,000 procedures), split the same way and timed the same way.

import { createServer } from 'node:http';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { launchBare } from './cdp.mjs';
import { WIDGET_FILES, brotli, gzip, kb, measureBudgets, measureRecords, partFiles, printBudgets } from './budgets.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dist = path.resolve(args.dist ?? 'dist');
const national = args.national ? path.resolve(args.national) : null;
const scaled = args.scaled ? path.resolve(args.scaled) : null;
/** The catalogs given besides the demo commune's, by name: each served at /<name>.json, on /<name>.html. */
const given = Object.entries({ national, scaled }).filter(([, file]) => file);
const runs = Number(args.runs ?? 3);
const QUERY = 'khai sinh';
/** Every timed page is seen on a phone's screen. */
const PHONE = { width: 360, height: 740 };

// --- sizes ------------------------------------------------------------------------------------------
const commune = path.join(dist, 'catalogs/commune-demo.json');
const communeRecords = commune.replace(/\.json$/, '');
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (full === communeRecords) return []; // the records: summed up below
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}
const sizeOf = (file, body) => ({ file, raw: body.length, gzip: gzip(body).length, brotli: brotli(body).length });
const sizes = files(dist)
  .filter((f) => /\.(wasm|js|css|html|json|svg)$/.test(f))
  .map((f) => sizeOf(f, readFileSync(path.join(dist, f))));
for (const [name, file] of given) sizes.push(sizeOf(`(${name} catalog index)`, readFileSync(file)));
console.log('\nSizes (KB)');
console.log(`${'file'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const s of sizes) console.log(`${s.file.padEnd(40)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} ${kb(s.brotli).padStart(9)}`);
const records = [measureRecords(commune), national && measureRecords(national)].filter(Boolean);
console.log('\nRecords of the split catalogs, fetched one by one when a procedure is opened (brotli, KB)');
for (const r of records) {
  console.log(`  ${path.relative(process.cwd(), r.folder).padEnd(38)} ${String(r.count).padStart(5)} files, median ${kb(r.median)}, largest ${kb(r.max)}, all ${kb(r.total)}`);
}
const budgets = measureBudgets(dist, national);
printBudgets(budgets);

// --- time to the first result ------------------------------------------------------------------------
const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
const compressed = new Map();
const page = (catalog) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>load</title><script type="module" src="motcua.js"></script></head>` +
  `<body><mot-cua catalog="${catalog}"></mot-cua></body></html>`;
// The floor: what this browser on this machine takes before any widget could show a result. A page
// of the same shape whose module script (no wasm, no catalog) draws the box and one result at once,
// timed the same way: the widget's figures less this are the widget's own.
const FLOOR_JS = `customElements.define('mot-cua', class extends HTMLElement {
  connectedCallback() {
    this.attachShadow({ mode: 'open' }).innerHTML =
      '<label>Tìm thủ tục <input type="search"></label><ul role="listbox"><li role="option">Đăng ký khai sinh</li></ul>';
  }
});`;
const pages = Object.fromEntries([
  // The first page a freshly started browser shows is slow, whatever it is (its processes start):
  // one empty page is shown first, untimed, so that the first run is not the browser's start.
  ['/blank.html', '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>'],
  ['/floor.html', page('').replace('motcua.js', 'floor.js')],
  ['/commune.html', page('catalogs/commune-demo.json')],
  ...given.map(([name]) => [`/${name}.html`, page(`${name}.json`)]),
]);
const catalogFiles = Object.fromEntries(given.map(([name, file]) => [`/${name}.json`, file]));
// A split catalog's records, in the folder named after its index (motcua split): /national/…
const recordFolders = Object.fromEntries(given.map(([name, file]) => [name, file.replace(/\.json$/, '')]));
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  let body;
  let type;
  if (pages[url]) [body, type] = [Buffer.from(pages[url]), TYPES['.html']];
  else if (url === '/floor.js') [body, type] = [Buffer.from(FLOOR_JS), TYPES['.js']];
  else if (catalogFiles[url]) [body, type] = [readFileSync(catalogFiles[url]), TYPES['.json']];
  else if (recordFolders[url.split('/')[1]]) {
    const file = path.join(recordFolders[url.split('/')[1]], path.basename(url));
    if (!existsSync(file)) return res.writeHead(404).end();
    [body, type] = [readFileSync(file), TYPES['.json']];
  }
  else {
    const file = path.join(dist, path.normalize(url));
    if (!file.startsWith(dist)) return res.writeHead(403).end();
    try {
      body = readFileSync(file);
    } catch {
      return res.writeHead(404).end();
    }
    type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  }
  // As docs/embedding.md advises a host: the browser may keep every file but asks each time
  // whether it changed (a first visit is the same as with no-store; a second gets 304s).
  const etag = `"${body.length}"`;
  const headers = { 'Cache-Control': 'no-cache', ETag: etag };
  if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
  if (!compressed.has(url)) compressed.set(url, brotli(body));
  res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Encoding': 'br' });
  res.end(compressed.get(url));
});
// Compressed once before any timing (brotli 11 on the national catalog takes seconds).
for (const file of [...WIDGET_FILES, ...partFiles(dist)]) compressed.set(`/${file}`, brotli(readFileSync(path.join(dist, file))));
compressed.set('/catalogs/commune-demo.json', brotli(readFileSync(path.join(dist, 'catalogs/commune-demo.json'))));
for (const [url, file] of Object.entries(catalogFiles)) compressed.set(url, brotli(readFileSync(file)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const CONDITIONS = {
  unthrottled: null,
  'Slow 4G + 4x CPU': { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, cpu: 4 },
};

/**
 * Milliseconds from navigation to the first result of a query typed as soon as the box exists,
 * then to a procedure's details once it is opened; and the first result again on a second visit
 * with the same browser profile (its HTTP cache, and V8's cache of compiled code if it kept one).
 */
async function firstResult(browser, pagePath, condition) {
  const context = await browser.newContext(PHONE);
  try {
    const first = await visit(context, pagePath, condition, { open: true });
    const again = await visit(context, pagePath, condition, { open: false });
    return { ...first, again: again.result };
  } finally {
    await context.close();
  }
}

/** What a page runs from its start: types the query as soon as the box shows, then tells the
 * first result by a console message (nothing is asked of the page until then). */
function watchForFirstResult(query) {
  const tick = () => {
    const root = document.querySelector('mot-cua')?.shadowRoot;
    const input = root?.querySelector('input[type=search]');
    if (input && !window.__typedAt) {
      input.value = query;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      window.__typedAt = performance.now();
    }
    if (root?.querySelector('li[role=option]')) {
      console.debug(`motcua-first-result ${window.__typedAt} ${performance.now()}`);
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** The value of `fn` called in the page (awaited), or its error. */
async function evaluate(tab, fn) {
  const { result, exceptionDetails } = await tab.send('Runtime.evaluate', {
    expression: `(${fn})()`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}

async function visit(context, pagePath, condition, { open }) {
  const tab = await context.newPage();
  try {
    if (condition) {
      // Throttling needs the Network domain; DevTools keeps no body (its decoding of the catalog
      // as text is not a visitor's).
      await tab.send('Network.enable', { maxTotalBufferSize: 0, maxResourceBufferSize: 0 });
      const { latency, downloadThroughput, uploadThroughput, cpu } = condition;
      await tab.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput, uploadThroughput });
      await tab.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await tab.send('Page.enable'); // its scripts for new documents need it
    await tab.send('Page.addScriptToEvaluateOnNewDocument', { source: `(${watchForFirstResult})(${JSON.stringify(QUERY)})` });
    const told = new Promise((resolve) => {
      tab.on('Runtime.consoleAPICalled', ({ args }) => {
        const [tag, typed, result] = String(args[0]?.value ?? '').split(' ');
        if (tag === 'motcua-first-result') resolve({ typed: Number(typed), result: Number(result) });
      });
    });
    await tab.send('Runtime.enable');
    await tab.send('Page.navigate', { url: `${origin}${pagePath}` });
    let timer;
    const first = await Promise.race([
      told,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no result on ${pagePath} within 120 s`)), 120_000);
      }),
    ]).finally(() => clearTimeout(timer));
    if (!open) return first;
    // When the code and the catalog's index had come (responseEnd, ms from navigation): what is
    // left of the time to the first result after the later of them is the widget's own work.
    const arrived = await evaluate(tab, () => {
      const end = (pattern) =>
        Math.max(0, ...performance.getEntriesByType('resource').filter((e) => pattern.test(e.name)).map((e) => e.responseEnd));
      return { code: end(/motcua_bg\.wasm$/), index: end(/(commune-demo|national|scaled)\.json$/) };
    });
    // Then the first result is opened: milliseconds until its details show (the portal links
    // come with them; a split catalog fetches the record, unless it was fetched ahead).
    const details = await evaluate(
      tab,
      () =>
        new Promise((resolve) => {
          const root = document.querySelector('mot-cua').shadowRoot;
          const clicked = performance.now();
          root.querySelector('li[role=option]').click();
          const tick = () => {
            const view = root.querySelector('section.procedure');
            if (view && !view.querySelector('.details-loading') && view.querySelector('.portal-links, .no-details')) {
              resolve(performance.now() - clicked);
            } else requestAnimationFrame(tick);
          };
          tick();
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 3000));
    return { ...first, arrived, details };
  } finally {
    await tab.close();
  }
}

/** The median of `figure` over `runs` (the upper one of an even count). */
const medianOf = (runs, figure) => runs.map(figure).sort((a, b) => a - b)[Math.floor(runs.length / 2)];

const browser = await launchBare();
const startup = [];
const floor = [];
try {
  const warmUp = await browser.newContext(PHONE);
  await (await warmUp.newPage()).send('Page.navigate', { url: `${origin}/blank.html` });
  await new Promise((resolve) => setTimeout(resolve, 500));
  await warmUp.close();
  for (const [name, condition] of Object.entries(CONDITIONS)) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext(PHONE);
      times.push(await visit(context, '/floor.html', condition, { open: false }).finally(() => context.close()));
    }
    floor.push({ condition: name, median_ms: medianOf(times, (t) => t.result), runs: times });
  }
  for (const [catalog, pagePath] of [['commune', '/commune.html'], ...given.map(([name]) => [name, `/${name}.html`])]) {
    for (const [name, condition] of Object.entries(CONDITIONS)) {
      const times = [];
      for (let i = 0; i < runs; i++) {
        times.push(await firstResult(browser, pagePath, condition));
        process.stderr.write(`  ${catalog}, ${name}, run ${i + 1}: ${times.at(-1).result.toFixed(0)} ms\n`);
      }
      startup.push({
        catalog,
        condition: name,
        median_ms: medianOf(times, (t) => t.result),
        details_median_ms: medianOf(times, (t) => t.details),
        again_median_ms: medianOf(times, (t) => t.again),
        runs: times,
      });
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\nTime to the first result for "${QUERY}", typed as soon as the box shows (median of ${runs}; ms)`);
for (const f of floor) {
  console.log(`  ${'floor'.padEnd(9)} ${f.condition.padEnd(18)} first result ${f.median_ms.toFixed(0).padStart(6)}   (a page whose script shows a result at once)`);
}
for (const s of startup) {
  const median = (f) => medianOf(s.runs, f).toFixed(0);
  console.log(
    `  ${s.catalog.padEnd(9)} ${s.condition.padEnd(18)} first result ${s.median_ms.toFixed(0).padStart(6)}   box usable ${median((r) => r.typed).padStart(6)}` +
      `   code in ${median((r) => r.arrived.code).padStart(6)}   index in ${median((r) => r.arrived.index).padStart(6)}` +
      `   details after opening ${s.details_median_ms.toFixed(0).padStart(5)}   second visit ${s.again_median_ms.toFixed(0).padStart(6)}`,
  );
}
if (args['json-out']) {
  const budgetFigures = budgets.map(({ what, size, issue, limit }) => ({ what, size, issue, limit }));
  writeFileSync(args['json-out'], `${JSON.stringify({ sizes, records, budgets: budgetFigures, floor, startup }, null, 2)}\n`);
}
