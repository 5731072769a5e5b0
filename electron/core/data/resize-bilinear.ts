/**
 * Bilinear resize of an RGB (HWC uint8) image, as tf.image.resize(method='bilinear') does by default (and so Keras'
 * image_dataset_from_directory): half-pixel centres, no antialiasing, edge pixels clamped, rounded to uint8.
 */
export function resizeBilinearRgb(
  pixels: Uint8Array,
  width: number,
  height: number,
  outWidth: number,
  outHeight: number,
): Uint8Array {
  const out = new Uint8Array(outWidth * outHeight * 3);
  const xs = axisWeights(width, outWidth);
  const ys = axisWeights(height, outHeight);
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
        out[(y * outWidth + x) * 3 + c] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
  return out;
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
