// Keeps schema/catalog.schema.json and schema/overlay.schema.json true:
//  - the committed catalogs and overlays, and the complete examples in docs/, are valid;
//  - documents the Rust reader refuses are refused (wrong enum value, amount as a string, …),
//    and documents it reads (1.0 catalogs, newer minor versions, unknown fields, nulls) are not;
//    the schema is stricter than serde only where the format says more than the types: dates are
//    YYYY-MM-DD, a cutoff is HH:MM, a procedure's code and name are not blank (the reader skips those);
//  - every struct and enum serde writes in src/catalog/mod.rs and src/overlay.rs has a $def with the
//    same fields, JSON types, defaults and enum values, and the fields its reader requires (so a new
//    field fails here until the schema has it); and its reader (src/json.rs) reads every field.
//
// Run: `node --test tests/schema/` (scripts/test runs it in its native stage).

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';

import { canon, readReaders, readRustModel, rustShape } from './rust-model.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file) => readFileSync(path.join(REPO, file), 'utf8');
const readJson = (file) => JSON.parse(read(file));

const CATALOG_SCHEMA = 'catalog.schema.json';
const OVERLAY_SCHEMA = 'overlay.schema.json';
const schemas = {
  [CATALOG_SCHEMA]: readJson(`schema/${CATALOG_SCHEMA}`),
  [OVERLAY_SCHEMA]: readJson(`schema/${OVERLAY_SCHEMA}`),
};

// Strict mode: unknown keywords and other schema mistakes are errors. The overlay schema refers to
// the catalog's $defs by the relative URI "catalog.schema.json#/$defs/…", so each is added under
// its file name.
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
for (const [name, schema] of Object.entries(schemas)) ajv.addSchema(schema, name);
const validateCatalog = ajv.getSchema(CATALOG_SCHEMA);
const validateOverlay = ajv.getSchema(OVERLAY_SCHEMA);

function errorsOf(validate) {
  return (validate.errors ?? []).slice(0, 12).map((e) => `  ${e.instancePath || '/'}: ${e.message} (${e.schemaPath})`);
}

function assertValid(validate, doc, what) {
  const ok = validate(doc);
  assert.ok(ok, `${what} does not fit the schema:\n${errorsOf(validate).join('\n')}`);
}

/** Asserts `doc` is refused, and refused at `instancePath` (so for the intended reason). */
function assertRefused(validate, doc, instancePath, what) {
  assert.equal(validate(doc), false, `${what}: the schema accepts it`);
  const paths = validate.errors.map((e) => e.instancePath);
  assert.ok(paths.includes(instancePath), `${what}: refused, but not at ${instancePath}:\n${errorsOf(validate).join('\n')}`);
}

const clone = (value) => structuredClone(value);

// A 1.1 catalog using every part of the format (read by the Rust model as written here).
const FULL_CATALOG = {
  format: 'motcua-catalog',
  format_version: '1.1',
  generated_at: '2026-11-22',
  source: { name: 'Cổng Dịch vụ công quốc gia', retrieved: '2026-07-17', url: 'https://dichvucong.gov.vn' },
  commune: {
    name: 'Xã Vĩnh Bảo',
    province: 'Thành phố Hải Phòng',
    province_code: '31',
    ward_code: '11935',
    desk: { name: 'Bộ phận Một cửa xã Vĩnh Bảo', address: 'Thôn Đông, xã Vĩnh Bảo', hours: 'Thứ Hai – Thứ Sáu, 7:30–17:00', phone: '0225 3888 000' },
  },
  documents: [
    { id: 'NQ-23-2026', number: '23/2026/NQ-HĐND', title: 'Nghị quyết quy định mức thu lệ phí hộ tịch', issuer: 'HĐND thành phố Hải Phòng', issued: '2026-07-29', effective_from: '2026-08-08', url: 'https://haiphong.gov.vn' },
  ],
  life_events: [{ id: 'co-con-nho', name: 'Có con nhỏ', portal_group: 750, procedures: ['1.001193'] }],
  journeys: [{ name: 'Khai sinh – thường trú – thẻ BHYT', procedures: ['1.001193', '1.004222'], interlinked: '1.004227', note: 'Nộp một lần trên Cổng' }],
  featured: ['1.001193'],
  procedures: [
    {
      code: '1.001193',
      portal_id: '019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7',
      name: 'Thủ tục đăng ký khai sinh',
      friendly_name: 'Làm giấy khai sinh',
      keywords: ['giấy khai sinh', 'khai sinh cho con'],
      field: 'Hộ tịch',
      levels: ['commune'],
      issuer: 'Bộ Tư pháp',
      agencies: ['Ủy ban nhân dân xã'],
      online: 'full',
      channels: [
        { channel: 'in_person', time: { unit: 'within_day', text: 'Trong ngày', cutoff: '15:00' }, fees: [{ kind: 'charge', amount: 8000, currency: 'VND', set_by_province: true, exemptions: ['người thuộc hộ nghèo'], source: 'NQ-23-2026' }] },
        { channel: 'online', time: { value: 1, unit: 'working_days', text: '01 ngày làm việc' }, fees: [{ kind: 'charge', amount: 0, source: 'NQ-23-2026' }], note: 'Nộp trên Cổng Dịch vụ công' },
        { channel: 'post', fees: [{ kind: 'fee', amount: 2000, per: 'trang', text: '2.000 đồng/trang' }] },
      ],
      paper_groups: [
        {
          heading: 'Giấy tờ phải nộp',
          papers: [
            { name: 'Tờ khai đăng ký khai sinh', original: 1, forms: ['Mẫu tờ khai đăng ký khai sinh'] },
            { name: 'Giấy chứng sinh', kind: 'submit', original: 1, copy: 0 },
            { name: 'Căn cước của người đi đăng ký', kind: 'show' },
            { name: 'Không phải nộp bản giấy nếu đã có bản điện tử', kind: 'note' },
          ],
        },
      ],
      cases: [
        { name: 'Đăng ký khai sinh không đúng hạn', code: '1.001193.02', portal_id: '019d2bfd-0000-7000-8000-000000000002', time: { value: 3, unit: 'working_days', text: '03 ngày làm việc' }, fees: [{ kind: 'charge', amount: 8000, channels: ['in_person', 'post'] }], paper_groups: [{ papers: [{ name: 'Văn bản cam đoan', original: 1 }] }], note: 'Quá 60 ngày kể từ ngày sinh' },
      ],
      steps: [{ title: 'Bước 1', text: 'Nộp hồ sơ' }, { text: 'Nhận kết quả' }],
      conditions: 'Không',
      results: ['Giấy khai sinh (bản chính)'],
      legal_basis: [{ code: '60/2014/QH13', name: 'Luật Hộ tịch' }, { name: 'Quyết định công bố' }],
      lifecycle: { status: 'active', effective_from: '2026-07-01', note: 'Theo Quyết định 1234/QĐ-BTP' },
      lienthong: '1.004227',
      staff_note: 'Kiểm tra căn cước trên VNeID',
      source: 'portal_api',
    },
    {
      code: '1.004222',
      name: 'Thủ tục đăng ký thường trú',
      lifecycle: { status: 'repealed', effective_to: '2026-06-30', replaced_by: ['1.004227'] },
      source: 'portal_index',
    },
  ],
};

// A 1.0 catalog as the importer wrote it before 1.1: still a valid 1.x catalog.
const CATALOG_1_0 = {
  format: 'motcua-catalog',
  format_version: '1.0',
  generated_at: '2026-11-22',
  source: { name: 'test' },
  procedures: [
    {
      code: '1.000894',
      name: 'Thủ tục đăng ký kết hôn',
      online: 'unknown',
      channels: [{ channel: 'in_person', time: { value: 5, unit: 'unspecified_days', text: '5 ngày' } }],
      paper_groups: [{ heading: '* Giấy tờ phải nộp:', papers: [{ name: 'Tờ khai', original: 1, copy: 0 }] }],
      source: 'portal_detail',
    },
  ],
};

const FULL_OVERLAY = {
  format: 'motcua-overlay',
  format_version: '1.0',
  note: 'Bộ phận Một cửa cập nhật ngày 20/11/2026',
  commune: { name: 'Xã Vĩnh Bảo', province: 'Thành phố Hải Phòng', desk: { name: 'Bộ phận Một cửa', phone: '0225 3888 000' } },
  province_filter: 'Hải Phòng',
  exclude: ['1.000110'],
  add: [{ code: '3.000722', name: 'Liên thông khai sinh, thường trú, thẻ BHYT', lienthong: '3.000722', source: 'manual' }],
  procedures: {
    '1.001193': {
      friendly_name: 'Làm giấy khai sinh',
      keywords: ['giấy khai sinh'],
      staff_note: 'Kiểm tra căn cước trên VNeID',
      cases: [{ name: 'Đăng ký khai sinh không đúng hạn' }],
      lifecycle: { status: 'active' },
      lienthong: '1.004227',
      online: 'full',
    },
  },
  documents: [{ id: 'NQ-23-2026', number: '23/2026/NQ-HĐND', effective_from: '2026-08-08' }],
  fees: [
    { procedures: ['1.001193'], case: 'Đăng ký khai sinh không đúng hạn', kind: 'charge', amount: 8000, channels: ['in_person', 'post'], source: 'NQ-23-2026' },
    { procedures: ['1.001193', '1.000894'], kind: 'charge', amount: 0, channels: ['online'], exemptions: ['người khuyết tật'], source: 'NQ-23-2026' },
    { procedures: ['1.001193'], kind: 'fee', amount: 2000, per: 'trang', set_by_province: true },
  ],
  featured: ['1.001193'],
  life_events: [{ id: 'co-con-nho', name: 'Có con nhỏ', procedures: ['1.001193'] }],
  journeys: [{ name: 'Khai sinh – thường trú – thẻ BHYT', procedures: ['1.001193', '1.004222'] }],
};

describe('the schemas', () => {
  test('are valid draft 2020-12 schemas that compile in strict mode', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema', name);
      assert.ok(ajv.validateSchema(schema), `${name}: ${ajv.errorsText(ajv.errors)}`);
    }
    assert.equal(typeof validateCatalog, 'function');
    assert.equal(typeof validateOverlay, 'function');
  });
});

// The index of a split catalog, as `motcua split` writes it: summaries, and where the records are.
function splitIndex() {
  const doc = clone(FULL_CATALOG);
  doc.format = 'motcua-catalog-index';
  doc.details = 'commune-demo/{code}.json';
  for (const p of doc.procedures) {
    for (const key of ['portal_id', 'channels', 'cases', 'steps', 'conditions', 'legal_basis', 'staff_note']) delete p[key];
    p.summary = true;
  }
  return doc;
}

describe('catalogs that must fit', () => {
  for (const file of ['public/catalogs/commune-demo.json', 'tests/fixtures/commune-sample.json']) {
    test(file, () => assertValid(validateCatalog, readJson(file), file));
  }
  test('a 1.1 catalog using every part of the format', () => assertValid(validateCatalog, FULL_CATALOG, 'FULL_CATALOG'));
  test('a 1.0 catalog', () => assertValid(validateCatalog, CATALOG_1_0, 'CATALOG_1_0'));
  test('a newer minor version with fields this build does not know', () => {
    const doc = clone(FULL_CATALOG);
    doc.format_version = '1.7';
    doc.signed_by = 'Sở Tư pháp';
    doc.procedures[0].video = 'https://example.org/huong-dan.mp4';
    doc.procedures[0].channels[0].fees[0].vat = 0;
    assertValid(validateCatalog, doc, 'catalog 1.7');
  });
  test('null in optional fields (the reader takes it as absent)', () => {
    const doc = clone(CATALOG_1_0);
    doc.commune = null;
    doc.source.retrieved = null;
    Object.assign(doc.procedures[0], { portal_id: null, field: null, friendly_name: null, lienthong: null });
    doc.procedures[0].channels[0].time.value = null;
    assertValid(validateCatalog, doc, 'catalog with nulls');
  });
  test('link hosts', () => assertValid(validateCatalog, { ...clone(FULL_CATALOG), link_hosts: ['haiphong.gov.vn', 'sotp.hai-phong.gov.vn'] }, 'link_hosts'));
  test('the index of a split catalog', () => assertValid(validateCatalog, splitIndex(), 'split index'));
  test('details in a folder of the folder, or with an escaped code', () => {
    for (const details of ['a/b/{code}.json', 'records-{code}', 'v2.1/{code}.json']) {
      assertValid(validateCatalog, { ...splitIndex(), details }, details);
    }
  });
});

describe('split indexes that must be refused', () => {
  const cases = [
    ['an index without details', (d) => delete d.details, ''],
    ['details without {code}', (d) => (d.details = 'commune-demo/all.json'), '/details'],
    ['absolute details', (d) => (d.details = '/catalogs/{code}.json'), '/details'],
    ['details on another site', (d) => (d.details = 'https://example.org/{code}.json'), '/details'],
    ['details leaving the folder', (d) => (d.details = 'a/../../{code}.json'), '/details'],
    ['details with a . segment (the reader refuses those too)', (d) => (d.details = './d/{code}.json'), '/details'],
    ['details with a query', (d) => (d.details = '{code}.json?v=2'), '/details'],
    ['summary as a string', (d) => (d.procedures[0].summary = 'true'), '/procedures/0/summary'],
  ];
  for (const [what, change, instancePath] of cases) {
    test(what, () => {
      const doc = splitIndex();
      change(doc);
      assertRefused(validateCatalog, doc, instancePath, what);
    });
  }
});

describe('catalogs that must be refused', () => {
  const cases = [
    ['a paper kind that is not submit, show or note', (d) => (d.procedures[0].paper_groups[0].papers[2].kind = 'present'), '/procedures/0/paper_groups/0/papers/2/kind'],
    ['an amount as a string', (d) => (d.procedures[0].channels[0].fees[0].amount = '8000'), '/procedures/0/channels/0/fees/0/amount'],
    ['a procedure without a name', (d) => delete d.procedures[1].name, '/procedures/1'],
    ['a blank procedure name', (d) => (d.procedures[1].name = '  '), '/procedures/1/name'],
    ['format_version 2.0 (a newer major version)', (d) => (d.format_version = '2.0'), '/format_version'],
    ['another format', (d) => (d.format = 'motcua-overlay'), '/format'],
    ['no generated_at', (d) => delete d.generated_at, ''],
    ['a date that is not YYYY-MM-DD (stricter than serde, which reads any string)', (d) => (d.generated_at = '22/11/2026'), '/generated_at'],
    ['a level the model does not have', (d) => (d.procedures[0].levels = ['district']), '/procedures/0/levels/0'],
    ['a channel in camelCase', (d) => (d.procedures[0].channels[0].channel = 'inPerson'), '/procedures/0/channels/0/channel'],
    ['a count of originals that is not a whole number', (d) => (d.procedures[0].paper_groups[0].papers[0].original = 1.5), '/procedures/0/paper_groups/0/papers/0/original'],
    ['a count of copies beyond u16', (d) => (d.procedures[0].paper_groups[0].papers[0].copy = 70000), '/procedures/0/paper_groups/0/papers/0/copy'],
    ['null for a list', (d) => (d.procedures[0].keywords = null), '/procedures/0/keywords'],
    ['a lifecycle with an unknown status', (d) => (d.procedures[1].lifecycle = { status: 'suspended' }), '/procedures/1/lifecycle/status'],
    ['a cutoff that is not HH:MM (stricter than serde, which reads any string)', (d) => (d.procedures[0].channels[0].time.cutoff = '15 giờ'), '/procedures/0/channels/0/time/cutoff'],
    ['a time without its text', (d) => delete d.procedures[0].channels[1].time.text, '/procedures/0/channels/1/time'],
    ['set_by_province as a string', (d) => (d.procedures[0].channels[0].fees[0].set_by_province = 'true'), '/procedures/0/channels/0/fees/0/set_by_province'],
    ['a life event without procedures', (d) => delete d.life_events[0].procedures, '/life_events/0'],
    ['a link host with a scheme', (d) => (d.link_hosts = ['https://haiphong.gov.vn']), '/link_hosts/0'],
    ['a wildcard link host', (d) => (d.link_hosts = ['*.gov.vn']), '/link_hosts/0'],
  ];
  for (const [what, change, instancePath] of cases) {
    test(what, () => {
      const doc = clone(FULL_CATALOG);
      change(doc);
      assertRefused(validateCatalog, doc, instancePath, what);
    });
  }
});

describe('overlays that must fit', () => {
  const dir = path.join(REPO, 'overlays');
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  if (files.length === 0) test('overlays/*.json', (t) => t.skip('no overlays/*.json yet'));
  for (const file of files) {
    test(`overlays/${file}`, () => assertValid(validateOverlay, readJson(`overlays/${file}`), `overlays/${file}`));
  }
  test('an overlay using every key', () => assertValid(validateOverlay, FULL_OVERLAY, 'FULL_OVERLAY'));
  test('a minimal overlay', () => assertValid(validateOverlay, { format: 'motcua-overlay', format_version: '1.0' }, 'minimal overlay'));
  test('a newer minor version, unknown fields and nulls', () => {
    const doc = clone(FULL_OVERLAY);
    doc.format_version = '1.3';
    doc.reviewed_by = 'Công chức Tư pháp – Hộ tịch';
    doc.fees[0].valid_until = '2027-12-31';
    Object.assign(doc, { commune: null, journeys: null, note: null });
    Object.assign(doc.procedures['1.001193'], { online: null, lifecycle: null });
    doc.fees[1].case = null;
    assertValid(validateOverlay, doc, 'overlay 1.3');
  });
});

describe('overlays that must be refused', () => {
  const cases = [
    ['format_version 2.0', (d) => (d.format_version = '2.0'), '/format_version'],
    ['the catalog format', (d) => (d.format = 'motcua-catalog'), '/format'],
    ['a link host with a path', (d) => (d.link_hosts = ['haiphong.gov.vn/']), '/link_hosts/0'],
    ['a fee rule with its amount in words', (d) => (d.fees[0].amount = 'tám nghìn'), '/fees/0/amount'],
    ['a fee rule without kind (Fee is flattened into the rule)', (d) => delete d.fees[1].kind, '/fees/1'],
    ['a fee rule without procedures', (d) => delete d.fees[1].procedures, '/fees/1'],
    ['a fee rule for a channel the model does not have', (d) => (d.fees[1].channels = ['email']), '/fees/1/channels/0'],
    ['a patch that is null', (d) => (d.procedures['1.001193'] = null), '/procedures/1.001193'],
    ['an online level in Vietnamese', (d) => (d.procedures['1.001193'].online = 'toàn trình'), '/procedures/1.001193/online'],
    ['an added procedure without a name', (d) => delete d.add[0].name, '/add/0'],
    ['a document without its number', (d) => delete d.documents[0].number, '/documents/0'],
    ['a repealed status spelled otherwise', (d) => (d.procedures['1.001193'].lifecycle.status = 'abolished'), '/procedures/1.001193/lifecycle/status'],
  ];
  for (const [what, change, instancePath] of cases) {
    test(what, () => {
      const doc = clone(FULL_OVERLAY);
      change(doc);
      assertRefused(validateOverlay, doc, instancePath, what);
    });
  }
});

describe('complete examples in docs/', () => {
  // Every ```json block of the pages that is a whole document (it parses and names its format).
  for (const page of ['docs/catalog-format.md', 'docs/overlay-format.md']) {
    test(page, () => {
      const blocks = [...read(page).matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
      let checked = 0;
      for (const [i, block] of blocks.entries()) {
        let doc;
        try {
          doc = JSON.parse(block);
        } catch {
          continue; // a fragment with "…"
        }
        const validate = { 'motcua-catalog': validateCatalog, 'motcua-overlay': validateOverlay }[doc?.format];
        if (!validate) continue;
        assertValid(validate, doc, `${page}, json block ${i + 1}`);
        checked += 1;
      }
      assert.ok(checked > 0, `${page} has no complete example to check`);
    });
  }
});

describe('the schemas follow the Rust model', () => {
  const catalogModel = readRustModel(path.join(REPO, 'src/catalog/mod.rs'));
  const overlayModel = readRustModel(path.join(REPO, 'src/overlay.rs'));
  const rust = new Map([...catalogModel.types, ...overlayModel.types]);
  // The catalog is read by load.rs's Envelope, record by record.
  const readers = readReaders(
    ['src/catalog/read.rs', 'src/catalog/load.rs', 'src/overlay.rs'].map((f) => path.join(REPO, f)),
    { Envelope: 'Catalog' },
  );
  for (const [name, type] of rust) {
    for (const field of type.fields ?? []) field.hasDefault = !readers.get(name)?.required.has(field.name);
  }
  const names = new Set(rust.keys());
  const home = new Map([
    ...[...catalogModel.types.keys()].map((n) => [n, CATALOG_SCHEMA]),
    ...[...overlayModel.types.keys()].map((n) => [n, OVERLAY_SCHEMA]),
  ]);
  /** $defs that are not Rust types: shared patterns. */
  const HELPERS = new Set(['Date', 'HostName']);

  function resolve(ref, file) {
    const m = /^([\w.]*)#\/\$defs\/(\w+)$/.exec(ref);
    assert.ok(m, `${file}: $ref ${ref} is not of the form [file]#/$defs/Name`);
    const target = m[1] || file;
    const def = schemas[target]?.$defs?.[m[2]];
    assert.ok(def, `${file}: $ref ${ref} points nowhere`);
    return { name: m[2], def, file: target };
  }

  /** The JSON a schema accepts, in the terms of rustShape. */
  function schemaShape(s, file) {
    if (s.$ref) {
      const { name, def, file: target } = resolve(s.$ref, file);
      return names.has(name) ? [name] : schemaShape(def, target);
    }
    if (s.anyOf) return canon(s.anyOf.flatMap((alt) => schemaShape(alt, file)));
    if (s.allOf) return canon(s.allOf.flatMap((alt) => schemaShape(alt, file)));
    if (typeof s.const === 'string') return ['string'];
    const types = Array.isArray(s.type) ? s.type : [s.type];
    return canon(
      types.map((t) => {
        if (t === 'array') return `array<${schemaShape(s.items, file).join('|')}>`;
        if (t === 'object' && typeof s.additionalProperties === 'object') {
          return `map<${schemaShape(s.additionalProperties, file).join('|')}>`;
        }
        if (t === 'integer') return `integer[${s.minimum},${s.maximum}]`;
        assert.ok(t, `${file}: a schema without type: ${JSON.stringify(s)}`);
        return t;
      }),
    );
  }

  /** What the schema should say a missing field defaults to, when it can be known. */
  function expectedDefault(field) {
    const type = field.type;
    if (/^Vec</.test(type)) return [];
    if (/^BTreeMap</.test(type)) return {};
    if (type === 'bool') return false;
    if (/^u\d+$/.test(type)) return 0;
    const target = rust.get(type);
    if (target?.kind === 'enum') return target.defaultVariant;
    return undefined; // Default of a struct, or a default function: any stated default will do
  }

  test('the format names and versions are those of the code', () => {
    const catalog = schemas[CATALOG_SCHEMA].$defs.Catalog.properties;
    const indexFormat = readRustModel(path.join(REPO, 'src/catalog/split.rs')).consts.get('INDEX_FORMAT');
    assert.deepEqual(catalog.format.enum.map((f) => JSON.stringify(f)), [catalogModel.consts.get('FORMAT'), indexFormat]);
    const [major, minor] = catalogModel.consts.get('FORMAT_VERSION').match(/\d+/g);
    assert.match(`${major}.${minor}`, new RegExp(catalog.format_version.pattern));
    assert.doesNotMatch(`${Number(major) + 1}.0`, new RegExp(catalog.format_version.pattern));
    const overlay = schemas[OVERLAY_SCHEMA].$defs.Overlay.properties;
    assert.equal(JSON.stringify(overlay.format.const), overlayModel.consts.get('FORMAT'));
    const overlayMajor = overlayModel.consts.get('FORMAT_MAJOR');
    assert.match(`${overlayMajor}.0`, new RegExp(overlay.format_version.pattern));
    assert.doesNotMatch(`${Number(overlayMajor) + 1}.0`, new RegExp(overlay.format_version.pattern));
  });

  test('every $def is a Rust type or a shared pattern, in the right file', () => {
    for (const [file, schema] of Object.entries(schemas)) {
      for (const name of Object.keys(schema.$defs)) {
        assert.ok(HELPERS.has(name) || home.get(name) === file, `${file}: $defs/${name} is not a model type of its module`);
      }
    }
  });

  for (const [name, type] of rust) {
    test(`${name}`, () => {
      const file = home.get(name);
      const def = schemas[file].$defs[name];
      assert.ok(def, `${file} has no $defs/${name}`);
      assert.ok(def.description?.trim(), `$defs/${name} has no description`);
      const reader = readers.get(name);
      assert.ok(reader, `${name} has no reader (read_struct!, read_enum! or impl FromJson)`);
      if (type.kind === 'enum') {
        assert.deepEqual(def.enum, type.variants, `$defs/${name}: enum values (serde snake_case, in the code's order)`);
        assert.deepEqual(reader.names, type.variants, `${name}: the reader's names are those serde writes`);
        return;
      }
      assert.equal(def.type, 'object', `$defs/${name}`);
      assert.notEqual(def.additionalProperties, false, `$defs/${name}: the reader ignores unknown fields`);
      assert.equal(def.unevaluatedProperties, undefined, `$defs/${name}: the reader ignores unknown fields`);

      const own = type.fields.filter((f) => !f.flatten);
      const flattened = type.fields.filter((f) => f.flatten);
      const properties = def.properties ?? {};
      // Fields a flattened struct brings may be described again here (with the same shape).
      const inherited = new Map(flattened.flatMap((f) => rust.get(f.type).fields.map((g) => [g.name, g])));
      for (const f of own) assert.ok(reader.keys.has(f.name), `${name}.${f.name}: the reader does not read it`);
      for (const key of reader.keys) {
        assert.ok(own.some((f) => f.name === key) || inherited.has(key), `${name}: the reader reads ${key}, not a field`);
      }
      for (const f of flattened) {
        const refs = (def.allOf ?? []).map((s) => s.$ref && resolve(s.$ref, file).name);
        assert.ok(refs.includes(f.type), `$defs/${name}: flattened ${f.type} must be in allOf`);
      }
      for (const key of Object.keys(properties)) {
        assert.ok(own.some((f) => f.name === key) || inherited.has(key), `$defs/${name}.${key}: no such field in the Rust struct`);
      }
      for (const field of [...own, ...[...inherited.values()].filter((g) => g.name in properties)]) {
        const where = `$defs/${name}.${field.name}`;
        const property = properties[field.name];
        assert.ok(property, `${where}: missing (Rust field ${field.rustName}: ${field.type})`);
        assert.ok(property.description?.trim(), `${where} has no description`);
        assert.deepEqual(schemaShape(property, file), rustShape(field.type, names), `${where}: JSON type (Rust ${field.type})`);
        const expected = expectedDefault(field);
        if (field.hasDefault && !/^Option</.test(field.type)) {
          assert.ok('default' in property, `${where}: optional for the reader but no default in the schema`);
          if (expected !== undefined) assert.deepEqual(property.default, expected, `${where}: default`);
        }
      }
      const required = own.filter((f) => !f.hasDefault).map((f) => f.name).sort();
      assert.deepEqual([...(def.required ?? [])].sort(), required, `$defs/${name}: required = fields the reader requires`);
    });
  }
});
