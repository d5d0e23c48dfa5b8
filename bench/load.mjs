// Loading figures for issue 8: the size of every shipped file (raw, gzip, brotli) against the
// budgets, and the time to the first result in headless Chromium, unthrottled and under "Slow 4G"
// (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT) with a 4x CPU slowdown, for the commune and the
// national catalog. Files are served brotli-compressed, as a web server would. Prints tables and
// writes JSON; asserts nothing.
//
//   node bench/load.mjs --dist dist --national target/bench/national.json --json-out target/bench/load.json [--runs 3]

import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

import { launchChromium } from '../tests/e2e/helpers.mjs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const dist = path.resolve(args.dist ?? 'dist');
const national = args.national ? path.resolve(args.national) : null;
const runs = Number(args.runs ?? 3);
const QUERY = 'khai sinh';

const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
const gzip = (b) => zlib.gzipSync(b, { level: 9 });

// --- sizes ------------------------------------------------------------------------------------------
function files(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, base) : [path.relative(base, full)];
  });
}
const sizes = files(dist)
  .filter((f) => /\.(wasm|js|css|html|json|svg)$/.test(f))
  .map((f) => {
    const body = readFileSync(path.join(dist, f));
    return { file: f, raw: body.length, gzip: gzip(body).length, brotli: brotli(body).length };
  });
if (national) {
  const body = readFileSync(national);
  sizes.push({ file: '(national catalog)', raw: body.length, gzip: gzip(body).length, brotli: brotli(body).length });
}
const kb = (n) => (n / 1024).toFixed(1);
const widgetFiles = ['motcua.js', 'pkg/motcua.js', 'pkg/motcua_bg.wasm'];
const widget = sizes.filter((s) => widgetFiles.includes(s.file)).reduce((sum, s) => sum + s.brotli, 0);
const of = (file) => sizes.find((s) => s.file === file)?.brotli ?? NaN;
const budgets = [
  ['widget code (loader + glue + wasm; its CSS is inside the wasm)', widget, 120 * 1024],
  ['commune catalog, first load', of('catalogs/commune-demo.json'), 120 * 1024],
  ['national catalog, first load', of('(national catalog)'), 300 * 1024],
];
console.log('\nSizes (KB)');
console.log(`${'file'.padEnd(40)} ${'raw'.padStart(9)} ${'gzip'.padStart(9)} ${'brotli'.padStart(9)}`);
for (const s of sizes) console.log(`${s.file.padEnd(40)} ${kb(s.raw).padStart(9)} ${kb(s.gzip).padStart(9)} ${kb(s.brotli).padStart(9)}`);
console.log('\nBudgets (brotli)');
for (const [what, size, budget] of budgets) {
  console.log(`  ${what.padEnd(62)} ${kb(size).padStart(7)} KB of ${kb(budget)} KB  ${size <= budget ? 'ok' : 'OVER'}`);
}

// --- time to the first result ------------------------------------------------------------------------
const TYPES = { '.wasm': 'application/wasm', '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.svg': 'image/svg+xml' };
const compressed = new Map();
const page = (catalog) =>
  `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>load</title><script type="module" src="motcua.js"></script></head>` +
  `<body><mot-cua catalog="${catalog}"></mot-cua></body></html>`;
const pages = { '/commune.html': page('catalogs/commune-demo.json'), '/national.html': page('national.json') };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  let body;
  let type;
  if (pages[url]) [body, type] = [Buffer.from(pages[url]), TYPES['.html']];
  else if (url === '/national.json' && national) [body, type] = [readFileSync(national), TYPES['.json']];
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
  if (!compressed.has(url)) compressed.set(url, brotli(body));
  res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'br', 'Cache-Control': 'no-store' });
  res.end(compressed.get(url));
});
// Compressed once before any timing (brotli 11 on the national catalog takes seconds).
for (const file of widgetFiles) compressed.set(`/${file}`, brotli(readFileSync(path.join(dist, file))));
compressed.set('/catalogs/commune-demo.json', brotli(readFileSync(path.join(dist, 'catalogs/commune-demo.json'))));
if (national) compressed.set('/national.json', brotli(readFileSync(national)));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const CONDITIONS = {
  unthrottled: null,
  'Slow 4G + 4x CPU': { latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9, cpu: 4 },
};

/** Milliseconds from navigation to the first result of a query typed as soon as the box exists. */
async function firstResult(browser, pagePath, condition) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  try {
    const tab = await context.newPage();
    if (condition) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
    }
    await tab.addInitScript((query) => {
      const tick = () => {
        const root = document.querySelector('mot-cua')?.shadowRoot;
        const input = root?.querySelector('input[type=search]');
        if (input && !window.__typedAt) {
          input.value = query;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          window.__typedAt = performance.now();
        }
        if (root?.querySelector('li[role=option]')) {
          window.__firstResult = performance.now();
          return;
        }
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, QUERY);
    await tab.goto(`${origin}${pagePath}`);
    const handle = await tab.waitForFunction(
      () => window.__firstResult && { typed: window.__typedAt, result: window.__firstResult },
      null,
      { timeout: 120_000, polling: 50 },
    );
    return await handle.jsonValue();
  } finally {
    await context.close();
  }
}

const browser = await launchChromium();
const startup = [];
try {
  for (const [catalog, pagePath] of [['commune', '/commune.html'], ...(national ? [['national', '/national.html']] : [])]) {
    for (const [name, condition] of Object.entries(CONDITIONS)) {
      const times = [];
      for (let i = 0; i < runs; i++) {
        times.push(await firstResult(browser, pagePath, condition));
        process.stderr.write(`  ${catalog}, ${name}, run ${i + 1}: ${times.at(-1).result.toFixed(0)} ms\n`);
      }
      const sorted = times.map((t) => t.result).sort((a, b) => a - b);
      startup.push({ catalog, condition: name, median_ms: sorted[Math.floor(sorted.length / 2)], runs: times });
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\nTime to the first result for "${QUERY}", typed as soon as the box shows (median of ${runs}; ms)`);
for (const s of startup) {
  const box = s.runs.map((r) => r.typed).sort((a, b) => a - b)[Math.floor(s.runs.length / 2)];
  console.log(`  ${s.catalog.padEnd(9)} ${s.condition.padEnd(18)} first result ${s.median_ms.toFixed(0).padStart(6)}   box usable ${box.toFixed(0).padStart(6)}`);
}
if (args['json-out']) {
  writeFileSync(args['json-out'], `${JSON.stringify({ sizes, budgets: budgets.map(([what, size, budget]) => ({ what, size, budget })), startup }, null, 2)}\n`);
}
