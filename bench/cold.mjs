// A catalog's first reading by the widget's code, step by step, cold: each run is a fresh Node
// process (a fresh V8, whose wasm compiles lazily and first with its baseline compiler, as on a
// visitor's first load) that runs the steps of bench/cold_read.rs once and times each. Leaves out
// what a page load adds (fetching, the page's own work, drawing), whose noise hides differences of
// a few milliseconds in bench/load.mjs. Prints the median, lowest and highest of each step:
//
//   node bench/cold.mjs --wasm cold_read.wasm --catalog commune=public/catalogs/commune-demo.json \
//       --catalog national=target/bench/split/national.json [--runs 21] [--json-out cold.json]
//
// The wasm is bench/cold_read.rs built for wasm32 in release and optimised as the widget's is
// (wasm-opt -Oz), by `scripts/bench cold`.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The steps, in the widget's order (src/ui/data.rs), each an export of the wasm. */
const STEPS = [
  ['text', 'bytes read as UTF-8 text'],
  ['rows', 'rows read'],
  ['index', 'stored search index read'],
  ['codes', 'positions by code'],
  ['first', 'first search ("khai sinh")'],
];
const FAILED = 0xffffffff;

/** One run, in this process: milliseconds per step. */
async function child(wasmPath, catalogPath) {
  const times = {};
  const module = await WebAssembly.compile(readFileSync(wasmPath));
  // The library's widget code comes along (wasm-bindgen's imports): never called here.
  const imports = {};
  for (const { module: from, name, kind } of WebAssembly.Module.imports(module)) {
    if (kind !== 'function') throw new Error(`cold: the wasm imports a ${kind} (${from}.${name})`);
    (imports[from] ??= {})[name] = () => {
      throw new Error(`cold: the wasm called ${from}.${name}`);
    };
  }
  const { exports } = await WebAssembly.instantiate(module, imports);
  const bytes = readFileSync(catalogPath);
  const at = exports.input(bytes.length); // grows the memory: its buffer is taken after
  new Uint8Array(exports.memory.buffer, at, bytes.length).set(bytes);
  for (const [step] of STEPS) {
    // A build from before a step was timed has no export for it (comparing builds).
    if (!exports[step]) continue;
    const start = performance.now();
    const made = exports[step]() >>> 0;
    times[step] = performance.now() - start;
    if (made === FAILED) throw new Error(`cold: step "${step}" failed on ${catalogPath}`);
  }
  return times;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(argv) {
  const catalogs = [];
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i].replace(/^--/, ''), argv[i + 1]];
    if (value === undefined) throw new Error(`cold: ${argv[i]} wants a value`);
    if (key === 'catalog') catalogs.push(value.split('='));
    else args[key] = value;
  }
  if (args.child) {
    process.stdout.write(JSON.stringify(await child(args.wasm, args.child)));
    return;
  }
  if (!args.wasm || catalogs.length === 0) throw new Error('usage: node bench/cold.mjs --wasm W --catalog name=path ...');
  const runs = Number(args.runs ?? 21);
  const self = fileURLToPath(import.meta.url);
  const results = [];
  console.log(`A catalog's first reading, cold: a fresh V8 each run (median, lowest and highest of ${runs}; ms)`);
  for (const [name, path] of catalogs) {
    // Runs of each catalog one after another: a run is a process, so none warms the next.
    const all = [];
    for (let i = 0; i < runs; i++) {
      const run = spawnSync(process.execPath, [self, '--wasm', args.wasm, '--child', path], { encoding: 'utf8' });
      if (run.status !== 0) {
        const why = (run.stderr ?? '').split('\n').find((line) => line.startsWith('Error: cold:')) ?? run.stderr;
        throw new Error(`cold: a run on ${path} failed: ${why}`);
      }
      all.push(JSON.parse(run.stdout));
    }
    const steps = STEPS.map(([key, what]) => {
      const values = all.map((t) => t[key] ?? 0);
      return { step: key, what, median_ms: median(values), min_ms: Math.min(...values), max_ms: Math.max(...values) };
    });
    const reading = all.map((t) => STEPS.reduce((sum, [key]) => sum + (t[key] ?? 0), 0));
    results.push({ catalog: name, path, runs, steps, reading_median_ms: median(reading) });
    console.log(`\n  ${name} (${path})`);
    for (const s of steps) {
      console.log(`    ${s.what.padEnd(28)} ${s.median_ms.toFixed(1).padStart(7)}   (${s.min_ms.toFixed(1)} to ${s.max_ms.toFixed(1)})`);
    }
    console.log(`    ${'reading, text to first search'.padEnd(28)} ${median(reading).toFixed(1).padStart(7)}`);
  }
  if (args['json-out']) writeFileSync(args['json-out'], `${JSON.stringify({ when: new Date().toISOString(), results }, null, 2)}\n`);
}

await main(process.argv.slice(2));
