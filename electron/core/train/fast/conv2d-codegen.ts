import type { ConvGeometry } from './geometry';

// Convolution kernels specialised for one geometry by generating their source: every shape is a constant and the loop
// over output channels is unrolled into local variables, which V8 keeps in registers. Same arithmetic and order as
// conv2d.ts (float64 accumulation), several times faster for this model's channel counts.

export type ForwardKernel = (x: Float32Array, w: Float32Array, bias: Float32Array | null, y: Float32Array, n: number) => void;
export type BackwardKernel = (
  x: Float32Array,
  w: Float32Array,
  dy: Float32Array,
  dx: Float32Array | null,
  dw: Float64Array,
  dbias: Float64Array | null,
  n: number,
) => void;

/** Above this many output channels the unrolled body gets too large to pay off; conv2d.ts handles those layers. */
export const MAX_UNROLLED_CHANNELS = 64;

const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);

function geometryKey(g: ConvGeometry): string {
  const { inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  return [inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft].join(',');
}

/** Loops over images and output pixels, and over the kernel taps that fall inside the input. */
function pixelLoops(g: ConvGeometry, body: string, perPixel: { before: string; after: string }): string {
  const { inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  return `
  let yBase = 0;
  for (let b = 0; b < n; b++) {
    const xImage = b * ${inH * inW * inC};
    for (let oy = 0; oy < ${outH}; oy++) {
      const iy0 = oy * ${strideH} - ${padTop};
      for (let ox = 0; ox < ${outW}; ox++, yBase += ${outC}) {
        const ix0 = ox * ${strideW} - ${padLeft};
        ${perPixel.before}
        for (let ky = 0; ky < ${kh}; ky++) {
          const iy = iy0 + ky * ${dilationH};
          if (iy < 0 || iy >= ${inH}) continue;
          for (let kx = 0; kx < ${kw}; kx++) {
            const ix = ix0 + kx * ${dilationW};
            if (ix < 0 || ix >= ${inW}) continue;
            const xBase = xImage + (iy * ${inW} + ix) * ${inC};
            let wRow = (ky * ${kw} + kx) * ${inC * outC};
            for (let ci = 0; ci < ${inC}; ci++, wRow += ${outC}) {
              ${body}
            }
          }
        }
        ${perPixel.after}
      }
    }
  }`;
}

function forwardSource(g: ConvGeometry): string {
  const co = range(g.outC);
  return pixelLoops(
    g,
    `const a = x[xBase + ci];
              if (a === 0) continue;
              ${co.map((c) => `s${c} += a * w[wRow + ${c}];`).join(' ')}`,
    {
      before: co.map((c) => `let s${c} = bias === null ? 0 : bias[${c}];`).join(' '),
      after: co.map((c) => `y[yBase + ${c}] = s${c};`).join(' '),
    },
  );
}

function backwardSource(g: ConvGeometry): string {
  const co = range(g.outC);
  const accumulateDw = co.map((c) => `dw[wRow + ${c}] += a * d${c};`).join(' ');
  const dot = co.map((c) => `d${c} * w[wRow + ${c}]`).join(' + ');
  return `
  dw.fill(0);
  if (dbias !== null) dbias.fill(0);
  if (dx !== null) dx.fill(0, 0, n * ${g.inH * g.inW * g.inC});
  const withDx = dx !== null;
  ${pixelLoops(
    g,
    `const a = x[xBase + ci];
              if (a !== 0) { ${accumulateDw} }
              if (withDx) dx[xBase + ci] += ${dot};`,
    {
      before: `${co.map((c) => `const d${c} = dy[yBase + ${c}];`).join(' ')}
        if (dbias !== null) { ${co.map((c) => `dbias[${c}] += d${c};`).join(' ')} }`,
      after: '',
    },
  )}`;
}

const forwardCache = new Map<string, ForwardKernel>();
const backwardCache = new Map<string, BackwardKernel>();

/** The specialised forward kernel for this geometry, or null when it has too many output channels. */
export function conv2dForwardKernel(g: ConvGeometry): ForwardKernel | null {
  if (g.outC > MAX_UNROLLED_CHANNELS) return null;
  const key = geometryKey(g);
  let kernel = forwardCache.get(key);
  if (!kernel) {
    kernel = new Function('x', 'w', 'bias', 'y', 'n', `'use strict';${forwardSource(g)}`) as ForwardKernel;
    forwardCache.set(key, kernel);
  }
  return kernel;
}

/** The specialised backward kernel (dx, dw, dbias) for this geometry, or null when it has too many output channels. */
export function conv2dBackwardKernel(g: ConvGeometry): BackwardKernel | null {
  if (g.outC > MAX_UNROLLED_CHANNELS) return null;
  const key = geometryKey(g);
  let kernel = backwardCache.get(key);
  if (!kernel) {
    kernel = new Function('x', 'w', 'dy', 'dx', 'dw', 'dbias', 'n', `'use strict';${backwardSource(g)}`) as BackwardKernel;
    backwardCache.set(key, kernel);
  }
  return kernel;
}
