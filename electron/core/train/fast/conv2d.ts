import { conv2dBackwardKernel, conv2dForwardKernel } from './conv2d-codegen';
import type { ConvGeometry } from './geometry';
import { accumulator } from './scratch';
import { wasmConvBackward, wasmConvForward } from './wasm/conv-ops';

// Direct NHWC convolution with the output channels innermost: every input value is loaded once per kernel tap and
// multiplied into a contiguous row of the [kh, kw, in, out] kernel. For this model's small channel counts that beats
// im2col + GEMM in plain JavaScript (no copy, and zero activations after ReLU are skipped in the backward pass).

/**
 * y = conv(x, w) + bias: the WebAssembly SIMD kernel when every tensor lives in one KernelMemory, otherwise the
 * JavaScript kernel generated for this geometry (float64 accumulation) or the generic loops.
 */
export function conv2dForward(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  y: Float32Array,
): void {
  if (wasmConvForward(g, x, w, bias, y)) return;
  const kernel = conv2dForwardKernel(g);
  if (kernel) kernel(x, w, bias, y, g.n);
  else conv2dForwardLoops(g, x, w, bias, y);
}

/**
 * Gradients of conv2dForward given dy: dx (skipped when null, e.g. for the first layer), dw and dbias (overwritten,
 * float64 accumulators).
 */
export function conv2dBackward(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): void {
  if (wasmConvBackward(g, tensors, dx, grads)) return;
  const kernel = conv2dBackwardKernel(g);
  if (kernel) kernel(tensors.x, tensors.w, tensors.dy, dx, grads.dw, grads.dbias, g.n);
  else conv2dBackwardLoops(g, tensors, dx, grads);
}

/** The generic forward loops (any channel count). */
export function conv2dForwardLoops(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  y: Float32Array,
): void {
  const { n, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const acc = accumulator(outC);
  let yBase = 0;
  for (let b = 0; b < n; b++) {
    const xImage = b * inH * inW * inC;
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * strideH - padTop;
      for (let ox = 0; ox < outW; ox++, yBase += outC) {
        const ix0 = ox * strideW - padLeft;
        for (let co = 0; co < outC; co++) acc[co] = bias === null ? 0 : bias[co]!;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ix0 + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            const xBase = xImage + (iy * inW + ix) * inC;
            let wRow = (ky * kw + kx) * inC * outC;
            for (let ci = 0; ci < inC; ci++, wRow += outC) {
              const a = x[xBase + ci]!;
              if (a === 0) continue;
              for (let co = 0; co < outC; co++) acc[co]! += a * w[wRow + co]!;
            }
          }
        }
        for (let co = 0; co < outC; co++) y[yBase + co] = acc[co]!;
      }
    }
  }
}

/** The generic backward loops (any channel count). */
export function conv2dBackwardLoops(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): void {
  const { n, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = g;
  const { x, w, dy } = tensors;
  const { dw, dbias } = grads;
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
        if (dbias) for (let co = 0; co < outC; co++) dbias[co]! += dy[dyBase + co]!;
        for (let ky = 0; ky < kh; ky++) {
          const iy = iy0 + ky * dilationH;
          if (iy < 0 || iy >= inH) continue;
          for (let kx = 0; kx < kw; kx++) {
            const ix = ix0 + kx * dilationW;
            if (ix < 0 || ix >= inW) continue;
            const xBase = xImage + (iy * inW + ix) * inC;
            let wRow = (ky * kw + kx) * inC * outC;
            for (let ci = 0; ci < inC; ci++, wRow += outC) {
              const a = x[xBase + ci]!;
              if (dx) {
                let s = 0;
                if (a === 0) {
                  for (let co = 0; co < outC; co++) s += dy[dyBase + co]! * w[wRow + co]!;
                } else {
                  for (let co = 0; co < outC; co++) {
                    const d = dy[dyBase + co]!;
                    s += d * w[wRow + co]!;
                    dw[wRow + co]! += a * d;
                  }
                }
                dx[xBase + ci]! += s;
              } else if (a !== 0) {
                for (let co = 0; co < outC; co++) dw[wRow + co]! += a * dy[dyBase + co]!;
              }
            }
          }
        }
      }
    }
  }
}
