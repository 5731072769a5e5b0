import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { UserError, errorMessage } from '../util/errors';
import { IMAGE_SIDE } from './cifar10-classes';
import { resizeBilinearRgb } from './resize-bilinear';

export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png'];

export function isImagePath(path: string): boolean {
  const lower = path.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

interface RgbImage {
  width: number;
  height: number;
  /** HWC, 3 bytes per pixel. */
  rgb: Uint8Array;
}

const isPng = (b: Uint8Array): boolean => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47;
const isJpeg = (b: Uint8Array): boolean => b[0] === 0xff && b[1] === 0xd8;

/**
 * Decodes a JPEG or PNG (by content, not extension) to 32 x 32 RGB written into `into` at `offset`.
 * Grayscale is repeated into R, G and B; alpha is dropped (as tf.io.decode_image(channels=3) does);
 * other sizes are resized with bilinear interpolation as Keras' image_dataset_from_directory does.
 * `name` identifies the file in errors.
 */
export function decodeImageInto(bytes: Uint8Array, name: string, into: Uint8Array, offset: number): void {
  const image = decodeRgb(bytes, name);
  const pixels =
    image.width === IMAGE_SIDE && image.height === IMAGE_SIDE
      ? image.rgb
      : resizeBilinearRgb(image.rgb, image.width, image.height, IMAGE_SIDE, IMAGE_SIDE);
  into.set(pixels, offset);
}

function decodeRgb(bytes: Uint8Array, name: string): RgbImage {
  try {
    if (isJpeg(bytes)) {
      // Not tolerant: a truncated or damaged file must be reported, not silently half-decoded.
      const image = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: false,
        tolerantDecoding: false,
        maxResolutionInMP: MAX_PIXELS / 1e6,
        maxMemoryUsageInMB: 256,
      });
      checkSize(image.width, image.height, name);
      return { width: image.width, height: image.height, rgb: image.data };
    }
    if (isPng(bytes)) {
      checkPngHeaderSize(bytes, name);
      const png = PNG.sync.read(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      checkSize(png.width, png.height, name);
      return { width: png.width, height: png.height, rgb: dropAlpha(png.data) };
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw badImage(name, errorMessage(error));
  }
  throw badImage(name, 'it is neither a JPEG nor a PNG file');
}

function checkSize(width: number, height: number, name: string): void {
  if (!(width > 0 && height > 0)) throw badImage(name, `it has no pixels (${width} x ${height})`);
}

const MAX_PIXELS = 50_000_000;

/** Refuses huge PNGs before decoding them (the IHDR chunk holds width and height at bytes 16..23). */
function checkPngHeaderSize(bytes: Uint8Array, name: string): void {
  if (bytes.length < 24) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, 24);
  const pixels = view.getUint32(16) * view.getUint32(20);
  if (pixels > MAX_PIXELS) throw badImage(name, `it is too large (${view.getUint32(16)} x ${view.getUint32(20)} pixels)`);
}

function dropAlpha(rgba: Uint8Array): Uint8Array {
  const pixels = rgba.length / 4;
  const rgb = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    rgb[p * 3] = rgba[p * 4]!;
    rgb[p * 3 + 1] = rgba[p * 4 + 1]!;
    rgb[p * 3 + 2] = rgba[p * 4 + 2]!;
  }
  return rgb;
}

function badImage(name: string, reason: string): UserError {
  return new UserError(
    'DATA_BAD_IMAGE',
    `${name} could not be decoded: ${reason}.`,
    'Replace or delete the damaged image and try again.',
  );
}
