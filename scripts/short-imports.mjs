// Release builds (scripts/split-wasm): gives the wasm's imports from its wasm-bindgen glue short
// names, in the module and in the glue alike. wasm-bindgen names each one after the JS function
// and a hash (`__wbg_createElement_8c9b…`): about 190 names whose 16 hex digits no compression
// shrinks, written twice (2.5 KB brotli in the wasm alone).
//
//   node scripts/short-imports.mjs <module.wasm> <glue.js>
//
// Only the imports of the glue's own module (`./<name>.js`) are renamed; each old name must be
// a key of the glue's import object exactly once, or nothing is written and the build stops.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) {
  console.error('usage: node scripts/short-imports.mjs <module.wasm> <glue.js>');
  process.exit(2);
}
const fail = (message) => {
  console.error(`short-imports: ${message}`);
  process.exit(1);
};

const wasm = readFileSync(wasmPath);
const glue = readFileSync(gluePath, 'utf8');
const own = `./${path.basename(wasmPath, '.wasm')}.js`;

/** Reads what the wasm binary format writes: unsigned LEB128 numbers and names. */
class Cursor {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  u32() {
    let value = 0;
    let shift = 0;
    for (;;) {
      const byte = this.bytes[this.at++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
      shift += 7;
    }
  }
  byte() {
    return this.bytes[this.at++];
  }
  name() {
    const length = this.u32();
    const text = this.bytes.subarray(this.at, this.at + length).toString('utf8');
    this.at += length;
    return text;
  }
  limits() {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

const u32 = (value) => {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return Buffer.from(out);
};
const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
};

/** The import section rewritten with `rename`, and the names it renamed (old → new). */
function renameImports(payload, rename) {
  const c = new Cursor(payload);
  const count = c.u32();
  const parts = [u32(count)];
  for (let i = 0; i < count; i++) {
    const module = c.name();
    const field = c.name();
    const start = c.at;
    const kind = c.byte();
    if (kind === 0 || kind === 4) {
      if (kind === 4) c.byte();
      c.u32();
    } else if (kind === 1) {
      c.byte();
      c.limits();
    } else if (kind === 2) {
      c.limits();
    } else if (kind === 3) {
      c.byte();
      c.byte();
    } else fail(`unknown import kind ${kind}`);
    parts.push(name(module), name(module === own ? rename(field) : field), payload.subarray(start, c.at));
  }
  if (c.at !== payload.length) fail('the import section has bytes after its imports');
  return Buffer.concat(parts);
}

// Short names in the order met: a, b, … z, A … Z, aa, ab, …
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const short = (n) => (n < LETTERS.length ? LETTERS[n] : short(Math.floor(n / LETTERS.length) - 1) + LETTERS[n % LETTERS.length]);
const renamed = new Map();
const rename = (field) => {
  if (!renamed.has(field)) renamed.set(field, short(renamed.size));
  return renamed.get(field);
};

const c = new Cursor(wasm, 8);
const sections = [wasm.subarray(0, 8)];
while (c.at < wasm.length) {
  const id = c.byte();
  const size = c.u32();
  const payload = wasm.subarray(c.at, c.at + size);
  c.at += size;
  const body = id === 2 ? renameImports(payload, rename) : payload;
  sections.push(Buffer.from([id]), u32(body.length), body);
}
if (renamed.size === 0) fail(`no import from ${own} in ${wasmPath}`);

// In the glue, each name is a key of the import object: `name: function(…) {`.
let text = glue;
for (const [old, fresh] of renamed) {
  const key = new RegExp(`(?<![\\w$])${old.replace(/[$]/g, '\\$')}(?=\\s*:)`, 'g');
  const found = text.match(key)?.length ?? 0;
  if (found !== 1 || text.split(old).length !== 2) fail(`${old} is in ${gluePath} ${text.split(old).length - 1} times, not once as a key`);
  text = text.replace(key, fresh);
}
writeFileSync(wasmPath, Buffer.concat(sections));
writeFileSync(gluePath, text);
console.log(`short-imports: ${renamed.size} imports renamed`);
