// The QR codes of src/qr.rs decode to their text: examples/qr_matrix.rs prints each code's SVG and
// module rows, the SVG path is drawn to pixels here, and jsQR (an independent decoder) reads it.
//
// Run: `node --test tests/qr/` (builds the example with cargo on first run).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PX = 4; // pixels per module
const QUIET = 4; // modules of quiet zone drawn by the SVG
const MAX_BYTES = 213; // src/qr.rs MAX_BYTES

const PROCEDURE = 'https://xa-vinh-bao.example.gov.vn/thu-tuc/#/thu-tuc/1.001193?case=2';
const LONG = `${PROCEDURE}&q=${encodeURIComponent('đăng ký khai sinh')}&from=${'ban-tiep-nhan-'.repeat(3)}`;
const CASES = {
  'one letter': 'a',
  'portal home': 'https://dichvucong.gov.vn',
  'procedure page': PROCEDURE,
  'submission page': 'https://dichvucong.gov.vn/nop-ho-so?formalityId=3fa85f64-5717-4562-b3fc-2c963f66afa6',
  'long procedure link': LONG,
  'Vietnamese text (UTF-8)': 'Đăng ký khai sinh — Ủy ban nhân dân xã Vĩnh Bảo, Hải Phòng',
  'largest that fits': `https://dichvucong.gov.vn/?${'x'.repeat(MAX_BYTES - 27)}`,
};
const TOO_LONG = 'y'.repeat(MAX_BYTES + 1);

function runExample(texts) {
  const out = execFileSync('cargo', ['run', '--quiet', '--locked', '--example', 'qr_matrix', '--', ...texts], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out);
}

const codes = runExample([...Object.values(CASES), TOO_LONG]);

/** Dark modules drawn by the SVG's path ("Mx yhNv1h-Nz" rectangles), as a grid with the quiet zone. */
function modulesOfSvg(svg) {
  const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  assert.ok(side > 0, 'square viewBox');
  const grid = Array.from({ length: side }, () => new Array(side).fill(false));
  const d = /<path d="([^"]*)"\/>/.exec(svg)?.[1] ?? '';
  const rects = [...d.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)];
  assert.equal(rects.map((r) => r[0]).join(''), d, 'path is only rectangles');
  for (const [, x, y, len, back] of rects.map((r) => r.map(Number))) {
    assert.equal(back, len);
    for (let i = x; i < x + len; i++) grid[y][i] = true;
  }
  return grid;
}

/** Black on white RGBA pixels, PX per module. */
function pixels(grid) {
  const size = grid.length * PX;
  const data = new Uint8ClampedArray(size * size * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!grid[Math.floor(y / PX)][Math.floor(x / PX)]) continue;
      data.fill(0, (y * size + x) * 4, (y * size + x) * 4 + 3);
    }
  }
  return { data, size };
}

Object.entries(CASES).forEach(([name, text], i) => {
  test(`${name} (${Buffer.byteLength(text)} bytes) decodes`, () => {
    const code = codes[i];
    assert.equal(code.text, text);
    assert.equal(code.error, undefined);
    const grid = modulesOfSvg(code.svg);
    const n = code.rows.length;
    assert.equal(grid.length, n + 2 * QUIET);
    const expected = grid.map((row, y) =>
      row.map((_, x) => code.rows[y - QUIET]?.[x - QUIET] === '1').map((dark) => (dark ? '1' : '0')).join(''),
    );
    assert.deepEqual(grid.map((row) => row.map((dark) => (dark ? '1' : '0')).join('')), expected, 'SVG = matrix');

    const { data, size } = pixels(grid);
    const decoded = jsQR(data, size, size, { inversionAttempts: 'dontInvert' });
    assert.ok(decoded, 'jsQR finds a code');
    assert.equal(decoded.version, (n - 17) / 4);
    assert.deepEqual(Buffer.from(decoded.binaryData), Buffer.from(text, 'utf8'));
    assert.equal(decoded.data, text);
  });
});

test('the long procedure link is at least 150 bytes', () => {
  assert.ok(Buffer.byteLength(LONG) >= 150, `${Buffer.byteLength(LONG)} bytes`);
});

test('too long a text gets a plain error', () => {
  const code = codes.at(-1);
  assert.equal(code.svg, undefined);
  assert.equal(code.error, `the text is too long for a QR code: ${MAX_BYTES + 1} bytes, at most ${MAX_BYTES}`);
});
