/**
 * Bilinear resize of RGB (HWC uint8) images, as tf.image.resize(method='bilinear') does by default (and so Keras'
 * image_dataset_from_directory): half-pixel centres, no antialiasing, edge pixels clamped.
 */

/** Resizes one image to uint8, rounded (how image folders are decoded to 32 x 32). */
export function resizeBilinearRgb(
  pixels: Uint8Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Uint8Array {
  const out = new Uint8Array(outWidth * outHeight * 3);
  bilinearResizer(width, height, outWidth, outHeight)(pixels, (i, value) => (out[i] = Math.round(value)));
  return out;
}

/**
 * A resizer for many images of one size: writes each resized image, scaled by `scale` and not rounded (as
 * tf.image.resize returns float32 for uint8 input), into `out` at `offset`. The interpolation weights are worked
 * out once.
 */
export function unitResizer(
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
  scale: number,
): (pixels: Uint8Array, out: Float32Array, offset: number) => void {
  const resize = bilinearResizer(width, height, outWidth, outHeight);
  return (pixels, out, offset) => resize(pixels, (i, value) => (out[offset + i] = value * scale));
}

function bilinearResizer(
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): (pixels: Uint8Array, write: (index: number, value: number) => void) => void {
  const xs = axisWeights(width, outWidth);
  const ys = axisWeights(height, outHeight);
  return (pixels, write) => {
    for (let y = 0; y < outHeight; y++) {
      const { lower: y0, upper: y1, lerp: fy } = ys[y]!;
      for (let x = 0; x < outWidth; x++) {
        const { lower: x0, upper: x1, lerp: fx } = xs[x]!;
        for (let c = 0; c < 3; c++) {
          const topLeft = pixels[(y0 * width + x0) * 3 + c]!;
          const topRight = pixels[(y0 * width + x1) * 3 + c]!;
          const bottomLeft = pixels[(y1 * width + x0) * 3 + c]!;
          const bottomRight = pixels[(y1 * width + x1) * 3 + c]!;
          const top = topLeft + (topRight - topLeft) * fx;
          const bottom = bottomLeft + (bottomRight - bottomLeft) * fx;
          write((y * outWidth + x) * 3 + c, top + (bottom - top) * fy);
        }
      }
    }
  };
}

interface AxisWeight {
  lower: number;
  upper: number;
  lerp: number;
}

/** TensorFlow's compute_interpolation_weights with the half-pixel scaler. */
function axisWeights(inSize: number, outSize: number): AxisWeight[] {
  const scale = inSize / outSize;
  return Array.from({ length: outSize }, (_, i) => {
    const source = (i + 0.5) * scale - 0.5;
    const floor = Math.floor(source);
    return {
      lower: Math.max(floor, 0),
      upper: Math.min(Math.ceil(source), inSize - 1),
      lerp: source - floor,
    };
  });
}
