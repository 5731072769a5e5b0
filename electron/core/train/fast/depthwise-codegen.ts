import type { BackwardKernel, ForwardKernel } from './conv2d-codegen';
import { MAX_UNROLLED_CHANNELS } from './conv2d-codegen';
import type { ConvGeometry } from './geometry';

// Depthwise kernels (depth multiplier 1) specialised for one geometry, with the channel loop unrolled into locals.
// Same arithmetic and order as depthwise-conv2d.ts.

const range = (k: number): number[] => Array.from({ length: k }, (_, i) => i);

function tapLoops(g: ConvGeometry, perTap: string, perPixel: { before: string; after: string }): string {
  const { inH, inW, inC, outH, outW, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  return `
  let yBase = 0;
  for (let b = 0; b < n; b++) {
    const xImage = b * ${inH * inW * inC};
    for (let oy = 0; oy < ${outH}; oy++) {
      const iy0 = oy * ${strideH} - ${padTop};
      for (let ox = 0; ox < ${outW}; ox++, yBase += ${inC}) {
        const ix0 = ox * ${strideW} - ${padLeft};
        ${perPixel.before}
        for (let ky = 0; ky < ${kh}; ky++) {
          const iy = iy0 + ky * ${dilationH};
          if (iy < 0 || iy >= ${inH}) continue;
          for (let kx = 0; kx < ${kw}; kx++) {
            const ix = ix0 + kx * ${dilationW};
            if (ix < 0 || ix >= ${inW}) continue;
            const xBase = xImage + (iy * ${inW} + ix) * ${inC};
            const wBase = (ky * ${kw} + kx) * ${inC};
            ${perTap}
          }
        }
        ${perPixel.after}
      }
    }
  }`;
}

function forwardSource(g: ConvGeometry): string {
  const cs = range(g.inC);
  return tapLoops(g, cs.map((c) => `s${c} += x[xBase + ${c}] * w[wBase + ${c}];`).join(' '), {
    before: cs.map((c) => `let s${c} = bias === null ? 0 : bias[${c}];`).join(' '),
    after: cs.map((c) => `y[yBase + ${c}] = s${c};`).join(' '),
  });
}

function backwardSource(g: ConvGeometry): string {
  const cs = range(g.inC);
  return `
  dw.fill(0);
  if (dbias !== null) dbias.fill(0);
  if (dx !== null) dx.fill(0, 0, n * ${g.inH * g.inW * g.inC});
  const withDx = dx !== null;
  ${tapLoops(
    g,
    `${cs.map((c) => `dw[wBase + ${c}] += x[xBase + ${c}] * d${c};`).join(' ')}
            if (withDx) { ${cs.map((c) => `dx[xBase + ${c}] += d${c} * w[wBase + ${c}];`).join(' ')} }`,
    {
      before: `${cs.map((c) => `const d${c} = dy[yBase + ${c}];`).join(' ')}
        if (dbias !== null) { ${cs.map((c) => `dbias[${c}] += d${c};`).join(' ')} }`,
      after: '',
    },
  )}`;
}

const forwardCache = new Map<string, ForwardKernel>();
const backwardCache = new Map<string, BackwardKernel>();

function key(g: ConvGeometry): string {
  return JSON.stringify({ ...g, n: 0 });
}

function supported(g: ConvGeometry): boolean {
  return g.outC === g.inC && g.inC <= MAX_UNROLLED_CHANNELS;
}

/** The specialised forward kernel, or null (depth multiplier above 1, or too many channels). */
export function depthwiseForwardKernel(g: ConvGeometry): ForwardKernel | null {
  if (!supported(g)) return null;
  const k = key(g);
  let kernel = forwardCache.get(k);
  if (!kernel) {
    kernel = new Function('x', 'w', 'bias', 'y', 'n', `'use strict';${forwardSource(g)}`) as ForwardKernel;
    forwardCache.set(k, kernel);
  }
  return kernel;
}

/** The specialised backward kernel, or null (depth multiplier above 1, or too many channels). */
export function depthwiseBackwardKernel(g: ConvGeometry): BackwardKernel | null {
  if (!supported(g)) return null;
  const k = key(g);
  let kernel = backwardCache.get(k);
  if (!kernel) {
    kernel = new Function('x', 'w', 'dy', 'dx', 'dw', 'dbias', 'n', `'use strict';${backwardSource(g)}`) as BackwardKernel;
    backwardCache.set(k, kernel);
  }
  return kernel;
}
