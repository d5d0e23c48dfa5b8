// Issue 8's size budgets: what a browser downloads before the first result, brotli-compressed
// (quality 11, as a web server's static compression would serve it). Used by bench/load.mjs (which
// prints the figures) and run by scripts/test after the release build, where it fails the build
// when a limit is exceeded:
//
//   node bench/budgets.mjs --dist dist --national target/budgets/national.json
//
// --national is the index of the national catalog in its split form (motcua import --split).
// Each budget has the issue's figure and the limit CI enforces; they differ only where the issue's
// figure is not met yet (then the limit is what is shipped today plus a little, so that the size can
// only go down, and the line says so).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

export const brotli = (b) => zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
export const gzip = (b) => zlib.gzipSync(b, { level: 9 });
export const kb = (n) => (n / 1024).toFixed(1);

/**
 * The widget's files a page loads in a release build: the loader (with the wasm-bindgen glue and
 * the split loader inside, scripts/split-wasm) and the main wasm (its CSS is inside). The rest of
 * its code is in parts fetched when first needed (src/ui/part.rs): [`partFiles`].
 */
export const WIDGET_FILES = ['motcua.js', 'pkg/motcua_bg.wasm'];

/** The parts of the widget's code fetched when first needed (scripts/split-wasm), in `dist`. */
export function partFiles(dist) {
  const pkg = path.join(dist, 'pkg');
  if (!existsSync(pkg)) return [];
  return readdirSync(pkg)
    .filter((f) => /^(split_\w+|chunk_\d+)\.wasm$/.test(f))
    .sort()
    .map((f) => `pkg/${f}`);
}

const KB = 1024;
export const BUDGETS = [
  {
    what: 'widget code on page load (CSS inside)',
    files: (dist) => WIDGET_FILES.map((f) => path.join(dist, f)),
    // Met (118.8 KB): the catalog reader, the search and the first screen (plain DOM; Leptos only
    // in the parts).
    issue: 120 * KB,
    limit: 120 * KB,
  },
  {
    what: 'widget code in all, with the parts',
    files: (dist) => [...WIDGET_FILES, ...partFiles(dist)].map((f) => path.join(dist, f)),
    // The issue's budget is for the code shipped; what a page loads is above. This is all the code
    // there is; a page fetches only the parts it uses (with the chunks of code they share).
    issue: 120 * KB,
    limit: 288 * KB,
  },
  {
    what: 'commune catalog, first load (the index)',
    files: (dist) => [path.join(dist, 'catalogs/commune-demo.json')],
    issue: 120 * KB,
    limit: 120 * KB,
  },
  {
    what: 'national catalog, first load (the index)',
    files: (_dist, national) => (national ? [national] : []),
    issue: 300 * KB,
    limit: 300 * KB,
  },
];

/** Brotli size of each budget's files: [{what, size, issue, limit, files}], size null when absent. */
export function measureBudgets(dist, national) {
  return BUDGETS.map(({ what, files, issue, limit }) => {
    const list = files(dist, national);
    const present = list.length > 0 && list.every((f) => existsSync(f));
    const size = present ? list.reduce((sum, f) => sum + brotli(readFileSync(f)).length, 0) : null;
    return { what, size, issue, limit, files: list };
  });
}

/** The records of a split catalog (the folder beside its index): count, total and largest, brotli. */
export function measureRecords(index) {
  const folder = index.replace(/\.json$/, '');
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return null;
  const sizes = readdirSync(folder).map((f) => brotli(readFileSync(path.join(folder, f))).length).sort((a, b) => a - b);
  return {
    folder,
    count: sizes.length,
    total: sizes.reduce((a, b) => a + b, 0),
    median: sizes[Math.floor(sizes.length / 2)] ?? 0,
    max: sizes.at(-1) ?? 0,
  };
}

export function printBudgets(measured) {
  console.log('\nBudgets (brotli, KB)');
  console.log(`  ${'what'.padEnd(50)} ${'size'.padStart(7)} ${'issue'.padStart(7)} ${'limit'.padStart(7)}`);
  for (const { what, size, issue, limit } of measured) {
    const verdict = size == null ? 'not measured' : size > limit ? 'OVER THE LIMIT' : size > issue ? "within the limit, not the issue's budget" : 'ok';
    console.log(`  ${what.padEnd(50)} ${(size == null ? '-' : kb(size)).padStart(7)} ${kb(issue).padStart(7)} ${kb(limit).padStart(7)}  ${verdict}`);
  }
}

// Run directly: check, and fail when a limit is exceeded or a file is missing.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = {};
  for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
  const dist = path.resolve(args.dist ?? 'dist');
  const national = args.national ? path.resolve(args.national) : null;
  const measured = measureBudgets(dist, national);
  printBudgets(measured);
  const missing = measured.filter((m) => m.size == null);
  const over = measured.filter((m) => m.size != null && m.size > m.limit);
  for (const m of missing) console.error(`budgets: cannot measure "${m.what}": missing ${m.files.join(', ') || '--national'}`);
  for (const m of over) console.error(`budgets: "${m.what}" is ${kb(m.size)} KB brotli, over its limit of ${kb(m.limit)} KB`);
  process.exit(missing.length + over.length > 0 ? 1 : 0);
}
