// Reads the catalog model out of the Rust source, enough to compare it with the JSON Schemas.
// The types, their fields and JSON types come from what serde writes: each `pub struct`/`pub enum`
// of src/catalog/mod.rs and src/overlay.rs that derives Serialize, with its serde attributes.
// Which fields a document must have comes from the readers (`crate::json`, see `readReaders`).
// The code is rustfmt-formatted, so a line-based reader is enough; anything it does not understand
// is an error, not a guess, so that a new attribute or reader shape makes the test fail until
// someone teaches it (and the schema) the rule.

import { readFileSync } from 'node:fs';

/** Serde attributes this reader understands on a field (serde only writes; `default` means nothing). */
const FIELD_ATTRS = new Set(['skip_serializing_if', 'flatten', 'rename']);

/**
 * Returns Map(name → { kind: 'struct', fields } | { kind: 'enum', variants, defaultVariant })
 * plus `consts` (Map of `pub const NAME: &str = "…"` and numeric tuples as text).
 */
export function readRustModel(file) {
  const text = readFileSync(file, 'utf8');
  const types = new Map();
  const item = /((?:^[ \t]*(?:\/\/\/.*|#\[.*\])\n)*)^pub (struct|enum) (\w+) \{\n([\s\S]*?)^\}/gm;
  for (const [, attrs, kind, name, body] of text.matchAll(item)) {
    if (!/#\[derive\([^)]*\bSerialize\b/.test(attrs)) continue;
    const serde = [...attrs.matchAll(/#\[serde\((.*)\)\]/g)].map((m) => m[1].trim());
    if (kind === 'struct') {
      if (serde.length) throw new Error(`${file}: struct ${name}: serde attribute (${serde}) not understood`);
      types.set(name, { kind, fields: structFields(file, name, body) });
    } else {
      if (serde.length !== 1 || serde[0] !== 'rename_all = "snake_case"') {
        throw new Error(`${file}: enum ${name}: expected #[serde(rename_all = "snake_case")] only, found ${serde}`);
      }
      types.set(name, { kind, ...enumVariants(file, name, body) });
    }
  }
  const consts = new Map();
  for (const [, name, value] of text.matchAll(/^pub const (\w+): [^=]+= (.+);$/gm)) consts.set(name, value.trim());
  return { types, consts };
}

function structFields(file, struct, body) {
  const fields = [];
  let attrs = [];
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('///') || line.startsWith('//')) continue;
    const serde = /^#\[serde\((.*)\)\]$/.exec(line);
    if (serde) {
      attrs.push(...parseAttrs(serde[1]));
      continue;
    }
    if (line.startsWith('#[')) continue; // other attributes (doc, cfg…) do not change the JSON
    const field = /^(?:pub )?(\w+): (.+),$/.exec(line);
    if (!field) throw new Error(`${file}: struct ${struct}: line not understood: ${line}`);
    const [, rustName, type] = field;
    for (const a of attrs) {
      if (!FIELD_ATTRS.has(a.key)) throw new Error(`${file}: ${struct}.${rustName}: serde attribute ${a.key} not understood`);
    }
    const attr = (key) => attrs.find((a) => a.key === key);
    fields.push({ rustName, name: attr('rename')?.value ?? rustName, type: type.trim(), flatten: Boolean(attr('flatten')) });
    attrs = [];
  }
  return fields;
}

function parseAttrs(text) {
  return [...text.matchAll(/(\w+)(?:\s*=\s*"([^"]*)")?/g)].map(([, key, value]) => ({ key, value }));
}

function enumVariants(file, name, body) {
  const variants = [];
  let defaultVariant;
  let nextIsDefault = false;
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('//')) continue;
    if (line === '#[default]') {
      nextIsDefault = true;
      continue;
    }
    const variant = /^(\w+),?$/.exec(line);
    if (!variant) throw new Error(`${file}: enum ${name}: only unit variants are understood, found: ${line}`);
    variants.push(snakeCase(variant[1]));
    if (nextIsDefault) defaultVariant = snakeCase(variant[1]);
    nextIsDefault = false;
  }
  return { variants, defaultVariant };
}

/** serde's rename_all = "snake_case" for a variant name: `InPerson` → `in_person`. */
export function snakeCase(name) {
  return name.replace(/(?<!^)([A-Z])/g, '_$1').toLowerCase();
}

/**
 * What the readers of `files` read (src/json.rs's `FromJson`): Map(type name →
 * { keys: Set, required: Set } for a struct, { names: [..] } for an enum).
 *  - `read_struct!(T, start, required [..], optional [..])` reads the listed fields;
 *  - `read_enum!(T, ["name" => T::Variant, ..])` reads the listed names;
 *  - a written `impl FromJson for T` (or `impl Envelope` for the type in `aliases`) reads the keys
 *    of its `"key" =>` arms and of the field functions it hands a key to (`fee_field(r, key, ..)`),
 *    and requires the fields it passes to `need(.., "field")`.
 */
export function readReaders(files, aliases = {}) {
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const all = texts.join('\n');
  const readers = new Map();
  const add = (name, reader) => {
    if (readers.has(name)) throw new Error(`${name} has two readers`);
    readers.set(name, reader);
  };
  const list = (text) => new Set([...text.matchAll(/\w+/g)].map((m) => m[0]));
  const keysOf = (body) => [...body.matchAll(/^\s*"(\w+)" =>/gm)].map((m) => m[1]);
  for (const text of texts) {
    for (const [, name, required, optional] of text.matchAll(
      /^read_struct!\((\w+),[^\[]*?required\s*\[([^\]]*)\],\s*optional\s*\[([^\]]*)\]\);/gm,
    )) {
      add(name, { keys: new Set([...list(required), ...list(optional)]), required: list(required) });
    }
    for (const [, name, names] of text.matchAll(/^read_enum!\((\w+), \[([\s\S]*?)\]\);/gm)) {
      add(name, { names: [...names.matchAll(/"(\w+)" =>/g)].map((m) => m[1]) });
    }
    for (const [, fromJson, target, body] of text.matchAll(/^impl(?:<'a>)? (FromJson for )?(\w+)(?:<'a>)? \{\n([\s\S]*?)^\}/gm)) {
      if (!fromJson && !aliases[target]) continue; // an impl block that reads nothing
      const name = aliases[target] ?? target;
      const keys = keysOf(body);
      for (const [, helper] of body.matchAll(/\b(\w+)\(r, key\b/g)) {
        const fn = new RegExp(`^(?:pub(?:\\(crate\\))? )?fn ${helper}\\([\\s\\S]*?^\\}`, 'm').exec(all);
        if (!fn) throw new Error(`${name}: field function ${helper} not found`);
        keys.push(...keysOf(fn[0]));
      }
      const required = new Set([...body.matchAll(/\.need\(\w+, "(\w+)"\)/g)].map((m) => m[1]));
      add(name, { keys: new Set(keys), required });
    }
  }
  return readers;
}

const INTEGER_RANGES = { u8: [0, 255], u16: [0, 65535], u32: [0, 4294967295] };

/**
 * The JSON a Rust type reads, as a sorted list of alternatives: `string`, `number`, `boolean`,
 * `integer[0,65535]`, `null`, `array<…>`, `map<…>` or the name of a model type.
 */
export function rustShape(type, modelNames) {
  type = type.trim();
  let m;
  if ((m = /^Option<(.+)>$/.exec(type))) return canon([...rustShape(m[1], modelNames), 'null']);
  if ((m = /^Vec<(.+)>$/.exec(type))) return [`array<${rustShape(m[1], modelNames).join('|')}>`];
  if ((m = /^BTreeMap<String,\s*(.+)>$/.exec(type))) return [`map<${rustShape(m[1], modelNames).join('|')}>`];
  if (type === 'String') return ['string'];
  if (type === 'bool') return ['boolean'];
  if (/^f(32|64)$/.test(type)) return ['number'];
  if (INTEGER_RANGES[type]) return [`integer[${INTEGER_RANGES[type].join(',')}]`];
  if (modelNames.has(type)) return [type];
  throw new Error(`Rust type ${type} not understood by tests/schema/rust-model.mjs`);
}

export function canon(alternatives) {
  return [...new Set(alternatives)].sort();
}
