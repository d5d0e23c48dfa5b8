// A larger catalog for the load part of issue 9 (point 6): the procedures of a catalog repeated
// until there are at least --count of them, each copy with its own code (`<code>~<n>`) and the same
// texts, so that search has as many candidates per word as a catalog that size would. The split
// catalog's summaries are used (what the widget indexes when it cannot use a stored search index,
// which would not be the copies'), and its `details` are dropped: the result is a single-file
// catalog, which `scripts/bench` splits (`motcua split`) as a catalog that size would be published.
//
//   node bench/scale.mjs --catalog target/bench/split/national.summaries.json --count 20000 -o target/bench/national-20k.json

import { readFileSync, writeFileSync } from 'node:fs';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('-') ? [...pairs, [arg.replace(/^-+/, ''), all[i + 1]]] : pairs), []),
);
const catalog = JSON.parse(readFileSync(args.catalog, 'utf8'));
const count = Number(args.count ?? 20000);
const original = catalog.procedures;
const procedures = [];
for (let n = 0; procedures.length < count; n++) {
  for (const p of original) {
    if (procedures.length >= count) break;
    procedures.push(n === 0 ? p : { ...p, code: `${p.code}~${n}` });
  }
}
const scaled = { ...catalog, format: 'motcua-catalog', procedures: procedures.map(({ summary, ...p }) => p) };
delete scaled.details;
delete scaled.summaries;
delete scaled.search;
writeFileSync(args.o, JSON.stringify(scaled));
console.log(`${args.o}: ${procedures.length} procedures (${original.length} repeated)`);
