import { depthwiseBackwardKernel, depthwiseForwardKernel } from './depthwise-codegen';
import type { ConvGeometry } from './geometry';
import { accumulator } from './scratch';
import { wasmDepthwiseBackward, wasmDepthwiseForward } from './wasm/conv-ops';

// Depthwise convolution, NHWC, kernel [kh, kw, in, multiplier]; output channel c*multiplier + j reads input channel c.
// g.outC must equal g.inC * multiplier.

/** The WebAssembly SIMD kernel when the tensors live in one KernelMemory, else the generated or generic JS loops. */
export function depthwiseForward(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  y: Float32Array,
): void {
  if (wasmDepthwiseForward(g, x, w, bias, y)) return;
  const kernel = depthwiseForwardKernel(g);
  if (kernel) kernel(x, w, bias, y, g.n);
  else depthwiseForwardLoops(g, x, w, bias, y);
}

/** Gradients of depthwiseForward given dy: dx (skipped when null), dw and dbias (overwritten). */
export function depthwiseBackward(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): void {
  if (wasmDepthwiseBackward(g, tensors, dx, grads)) return;
  const kernel = depthwiseBackwardKernel(g);
  if (kernel) kernel(tensors.x, tensors.w, tensors.dy, dx, grads.dw, grads.dbias, g.n);
  else depthwiseBackwardLoops(g, tensors, dx, grads);
}

/** The generic forward loops (any depth multiplier and channel count). */
export function depthwiseForwardLoops(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  y: Float32Array,
): void {
  const { n, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const m = outC / inC;
  const acc = accumulator(outC);
  let yBase = 0;
  for (let b = 0; b < n; b++) {
    const xImage = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++, yBase += outC) {
        const ix0 = ox * strideW - padLeft;
        for (let c = 0; c < outC; c++) acc[c] = bias === null ? 0 : bias[c]!;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ix0 + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            const xBase = xImage + (iy * inW + ix) * inC;
            const wBase = (ky * kw + kx) * outC;
            if (m === 1) {
              for (let c = 0; c < inC; c++) acc[c]! += x[xBase + c]! * w[wBase + c]!;
            } else {
              for (let c = 0; c < inC; c++) {
                const a = x[xBase + c]!;
                for (let j = 0; j < m; j++) acc[c * m + j]! += a * w[wBase + c * m + j]!;
              }
            }
          }
        }
        for (let c = 0; c < outC; c++) y[yBase + c] = acc[c]!;
      }
    }
  }
}

/** The generic backward loops. */
export function depthwiseBackwardLoops(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): void {
  const { n, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const { x, w, dy } = tensors;
  const { dw, dbias } = grads;
  const m = outC / inC;
  dw.fill(0);
  if (dbias) dbias.fill(0);
  if (dx) dx.fill(0, 0, n * inH * inW * inC);
  let dyBase = 0;
  for (let b = 0; b < n; b++) {
    const xImage = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++, dyBase += outC) {
        const ix0 = ox * strideW - padLeft;
        if (dbias) for (let c = 0; c < outC; c++) dbias[c]! += dy[dyBase + c]!;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ix0 + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            const xBase = xImage + (iy * inW + ix) * inC;
            const wBase = (ky * kw + kx) * outC;
            if (m === 1) {
              if (dx) {
                for (let c = 0; c < inC; c++) {
                  const d = dy[dyBase + c]!;
                  dw[wBase + c]! += x[xBase + c]! * d;
                  dx[xBase + c]! += d * w[wBase + c]!;
                }
              } else {
                for (let c = 0; c < inC; c++) dw[wBase + c]! += x[xBase + c]! * dy[dyBase + c]!;
              }
              continue;
            }
            for (let c = 0; c < inC; c++) {
              const a = x[xBase + c]!;
              let s = 0;
              for (let j = 0; j < m; j++) {
                const d = dy[dyBase + c * m + j]!;
                dw[wBase + c * m + j]! += a * d;
                s += d * w[wBase + c * m + j]!;
              }
              if (dx) dx[xBase + c]! += s;
            }
          }
        }
      }
    }
  }
}
