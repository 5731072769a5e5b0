import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeImageInto } from '../../electron/core/data/image-decode';
import { resizeBilinearRgb } from '../../electron/core/data/resize-bilinear';
import { UserError } from '../../electron/core/util/errors';
import { encodeJpeg, encodePng, rgbImage } from './fixtures';

const rgba = (width: number, height: number, value: (y: number, x: number, c: number) => number): Uint8Array => {
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) for (let c = 0; c < 4; c++) out[(y * width + x) * 4 + c] = value(y, x, c);
  return out;
};
const decode = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(3072);
  decodeImageInto(bytes, 'img', out, 0);
  return out;
};

test('bilinear resize matches tf.image.resize (half-pixel centres, no antialias)', () => {
  // One channel shown; all three are filled the same. Values worked out from TensorFlow's interpolation weights.
  const cases: [number, number, number[], number, number, number[]][] = [
    [2, 1, [0, 100], 4, 1, [0, 25, 75, 100]],
    [4, 1, [0, 10, 20, 30], 2, 1, [5, 25]],
    [2, 2, [0, 100, 200, 40], 1, 1, [85]],
    [3, 1, [7, 8, 9], 3, 1, [7, 8, 9]],
  ];
  for (const [w, h, values, ow, oh, expected] of cases) {
    const input = rgbImage(w, h, (y, x) => values[y * w + x]!);
    const out = resizeBilinearRgb(input, w, h, ow, oh);
    assert.deepEqual(
      Array.from({ length: ow * oh }, (_, p) => out[p * 3]),
      expected,
      `${w}x${h} -> ${ow}x${oh}`,
    );
  }
});

test('PNG: RGB exact, grayscale repeated into R, G, B, alpha dropped, other sizes resized', () => {
  const value = (y: number, x: number, c: number): number => (c === 3 ? 255 : (y * 8 + x * 3 + c * 50) % 256);
  const rgb = decode(encodePng(32, 32, rgba(32, 32, value), 2));
  assert.equal(rgb[(5 * 32 + 7) * 3 + 1], value(5, 7, 1));
  const translucent = (y: number, x: number, c: number): number => (c === 3 ? (x * 8) % 256 : value(y, x, c));
  const withAlpha = decode(encodePng(32, 32, rgba(32, 32, translucent), 6));
  assert.deepEqual(withAlpha, rgb);
  const gray = decode(
    encodePng(
      32,
      32,
      rgba(32, 32, (y, x, c) => (c === 3 ? 255 : (y * 7 + x) % 256)),
      0,
    ),
  );
  assert.deepEqual([gray[(3 * 32 + 4) * 3], gray[(3 * 32 + 4) * 3 + 1], gray[(3 * 32 + 4) * 3 + 2]], [25, 25, 25]);
  // 64 x 64 with 2 x 2 blocks of one colour -> each block becomes one pixel.
  const big = decode(
    encodePng(
      64,
      64,
      rgba(64, 64, (y, x, c) => (c === 3 ? 255 : ((y >> 1) * 5 + (x >> 1) + c) % 256)),
      2,
    ),
  );
  assert.equal(big[(10 * 32 + 20) * 3 + 2], (10 * 5 + 20 + 2) % 256);
});

test('JPEG decodes close to its source; grayscale-looking and resized JPEGs work', () => {
  const source = rgbImage(32, 32, (y, x, c) => (c === 0 ? 200 : c === 1 ? 100 : 30) + ((y + x) % 2));
  const out = decode(encodeJpeg(32, 32, source, 100));
  for (let i = 0; i < out.length; i++) assert.ok(Math.abs(out[i]! - source[i]!) <= 4, `byte ${i}: ${out[i]} vs ${source[i]}`);
  const wide = decode(
    encodeJpeg(
      48,
      40,
      rgbImage(48, 40, () => 120),
      95,
    ),
  );
  assert.ok(wide.every((v) => Math.abs(v - 120) <= 3));
});

test('corrupt, truncated and unknown files are refused, naming the file', () => {
  const jpegBytes = encodeJpeg(
    32,
    32,
    rgbImage(32, 32, (y, x, c) => (y * 9 + x * 4 + c * 70) % 256),
    90,
  );
  const huge = encodePng(32, 32, new Uint8Array(4096).fill(9), 2).slice();
  new DataView(huge.buffer).setUint32(16, 100_000);
  new DataView(huge.buffer).setUint32(20, 100_000);
  const cases: [string, Uint8Array, RegExp][] = [
    ['huge png header', huge, /too large \(100000 x 100000/],
    ['truncated jpeg', jpegBytes.subarray(0, Math.floor(jpegBytes.length / 2)), /./],
    ['garbage after jpeg magic', Uint8Array.from([0xff, 0xd8, 1, 2, 3, 4, 5, 6]), /./],
    ['truncated png', encodePng(32, 32, new Uint8Array(4096).fill(9), 2).subarray(0, 60), /./],
    ['text file', new TextEncoder().encode('not an image'), /neither a JPEG nor a PNG/],
    ['empty file', new Uint8Array(0), /neither a JPEG nor a PNG/],
  ];
  for (const [name, bytes, reason] of cases) {
    assert.throws(
      () => decodeImageInto(bytes, `train/cat/${name}.jpg`, new Uint8Array(3072), 0),
      (e: unknown) =>
        e instanceof UserError &&
        e.code === 'DATA_BAD_IMAGE' &&
        e.message.includes(`train/cat/${name}.jpg`) &&
        reason.test(e.message),
      name,
    );
  }
});
