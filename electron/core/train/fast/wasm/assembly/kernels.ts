// AssemblyScript source of the fast engine's WebAssembly SIMD kernels (built by scripts/build-wasm.mjs into
// ../kernels-wasm.generated.ts). Every pointer is a byte offset into the shared linear memory; tensors are NHWC float32.
// Channels are processed in blocks of 16, 8 and 4 lanes held in registers, then one at a time for the remainder.
// Float32 accumulation inside one image, flushed into float64 gradient accumulators after each image.

// ---------------------------------------------------------------------------------------------------------------
// Convolution (kernel [kh, kw, inC, outC]).

@inline function zero4(): v128 {
  return f32x4.splat(0);
}

@inline function biasOrZero(bias: usize, co: i32, offset: i32): v128 {
  return bias == 0 ? zero4() : v128.load(bias + (<usize>(co + offset) << 2));
}

export function convForward(
  x: usize, w: usize, bias: usize, y: usize, n: i32,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padTop: i32, padLeft: i32,
): void {
  const rowStride = <usize>outC << 2;
  let yp = y;
  for (let b = 0; b < n; b++) {
    const xImage = x + (<usize>(b * inH * inW * inC) << 2);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * sh - padTop;
      for (let ox = 0; ox < outW; ox++, yp += rowStride) {
        const ix0 = ox * sw - padLeft;
        let co = 0;
        for (; co + 16 <= outC; co += 16) {
          let a0 = biasOrZero(bias, co, 0), a1 = biasOrZero(bias, co, 4), a2 = biasOrZero(bias, co, 8), a3 = biasOrZero(bias, co, 12);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * inC) << 2);
              let wp = w + (<usize>(((ky * kw + kx) * inC) * outC + co) << 2);
              for (let ci = 0; ci < inC; ci++, wp += rowStride) {
                const v = f32x4.splat(load<f32>(xp + (<usize>ci << 2)));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(wp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(wp, 16)));
                a2 = f32x4.add(a2, f32x4.mul(v, v128.load(wp, 32)));
                a3 = f32x4.add(a3, f32x4.mul(v, v128.load(wp, 48)));
              }
            }
          }
          const o = yp + (<usize>co << 2);
          v128.store(o, a0);
          v128.store(o, a1, 16);
          v128.store(o, a2, 32);
          v128.store(o, a3, 48);
        }
        for (; co + 8 <= outC; co += 8) {
          let a0 = biasOrZero(bias, co, 0), a1 = biasOrZero(bias, co, 4);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * inC) << 2);
              let wp = w + (<usize>(((ky * kw + kx) * inC) * outC + co) << 2);
              for (let ci = 0; ci < inC; ci++, wp += rowStride) {
                const v = f32x4.splat(load<f32>(xp + (<usize>ci << 2)));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(wp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(wp, 16)));
              }
            }
          }
          const o = yp + (<usize>co << 2);
          v128.store(o, a0);
          v128.store(o, a1, 16);
        }
        for (; co + 4 <= outC; co += 4) {
          let a0 = biasOrZero(bias, co, 0);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * inC) << 2);
              let wp = w + (<usize>(((ky * kw + kx) * inC) * outC + co) << 2);
              for (let ci = 0; ci < inC; ci++, wp += rowStride) {
                a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(xp + (<usize>ci << 2))), v128.load(wp)));
              }
            }
          }
          v128.store(yp + (<usize>co << 2), a0);
        }
        for (; co < outC; co++) {
          let s: f32 = bias == 0 ? 0 : load<f32>(bias + (<usize>co << 2));
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * inC) << 2);
              let wp = w + (<usize>(((ky * kw + kx) * inC) * outC + co) << 2);
              for (let ci = 0; ci < inC; ci++, wp += rowStride) s += load<f32>(xp + (<usize>ci << 2)) * load<f32>(wp);
            }
          }
          store<f32>(yp + (<usize>co << 2), s);
        }
      }
    }
  }
}

/** dst[i] += src[i] (float64 += float32) for `count` values, then src zeroed. */
function flushToF64(src: usize, dst: usize, count: i32): void {
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const v = v128.load(src + (<usize>i << 2));
    const d = dst + (<usize>i << 3);
    v128.store(d, f64x2.add(v128.load(d), f64x2.promote_low_f32x4(v)));
    v128.store(d, f64x2.add(v128.load(d, 16), f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7))), 16);
  }
  for (; i < count; i++) {
    const d = dst + (<usize>i << 3);
    store<f64>(d, load<f64>(d) + <f64>load<f32>(src + (<usize>i << 2)));
  }
  memory.fill(src, 0, <usize>count << 2);
}

/** ceil(a / b) for b > 0 and any sign of a. */
@inline function ceilDiv(a: i32, b: i32): i32 {
  return a >= 0 ? (a + b - 1) / b : -((-a) / b);
}

/** The output positions [lo, hi) along one axis whose tap `k` reads inside the input. */
@inline function tapLo(pad: i32, k: i32, dil: i32, stride: i32): i32 {
  return max(0, ceilDiv(pad - k * dil, stride));
}
@inline function tapHi(size: i32, pad: i32, k: i32, dil: i32, stride: i32, out: i32): i32 {
  return min(out, ceilDiv(size + pad - k * dil, stride));
}

/** f64 dst[0..4) += the four float32 lanes of v. */
@inline function addToF64(dst: usize, v: v128): void {
  v128.store(dst, f64x2.add(v128.load(dst), f64x2.promote_low_f32x4(v)));
  v128.store(dst, f64x2.add(v128.load(dst, 16), f64x2.promote_low_f32x4(i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7))), 16);
}

/** dbias (float64) += Σ over `pixels` rows of dy (c channels), one image at a time. */
function addChannelSums(dy: usize, pixels: i32, c: i32, out: usize): void {
  let k = 0;
  for (; k + 4 <= c; k += 4) {
    let a = zero4();
    let p = dy + (<usize>k << 2);
    for (let i = 0; i < pixels; i++, p += <usize>c << 2) a = f32x4.add(a, v128.load(p));
    addToF64(out + (<usize>k << 3), a);
  }
  for (; k < c; k++) {
    let a: f32 = 0;
    let p = dy + (<usize>k << 2);
    for (let i = 0; i < pixels; i++, p += <usize>c << 2) a += load<f32>(p);
    store<f64>(out + (<usize>k << 3), load<f64>(out + (<usize>k << 3)) + <f64>a);
  }
}

/**
 * dw (float64, [kh, kw, inC, outC]) and dbias (float64 or 0) of a convolution, overwritten. For each kernel tap and
 * input channel, a block of output channels accumulates in registers over one image's pixels (float32), then adds
 * into the float64 gradient.
 */
export function convBackwardFilter(
  x: usize, dy: usize, dwOut: usize, dbiasOut: usize, n: i32,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padTop: i32, padLeft: i32,
): void {
  memory.fill(dwOut, 0, <usize>(kh * kw * inC * outC) << 3);
  if (dbiasOut != 0) memory.fill(dbiasOut, 0, <usize>outC << 3);
  const dyRow = <usize>outC << 2;
  const xStep = <usize>(sw * inC) << 2;
  for (let b = 0; b < n; b++) {
    const xImage = x + (<usize>(b * inH * inW * inC) << 2);
    const dyImage = dy + (<usize>(b * outH * outW * outC) << 2);
    if (dbiasOut != 0) addChannelSums(dyImage, outH * outW, outC, dbiasOut);
    for (let ky = 0; ky < kh; ky++) {
      const oyLo = tapLo(padTop, ky, dh, sh), oyHi = tapHi(inH, padTop, ky, dh, sh, outH);
      if (oyLo >= oyHi) continue;
      for (let kx = 0; kx < kw; kx++) {
        const oxLo = tapLo(padLeft, kx, dw, sw), oxHi = tapHi(inW, padLeft, kx, dw, sw, outW);
        if (oxLo >= oxHi) continue;
        const tap = ky * kw + kx;
        for (let ci = 0; ci < inC; ci++) {
          const target = dwOut + (<usize>((tap * inC + ci) * outC) << 3);
          let co = 0;
          for (; co + 16 <= outC; co += 16) {
            let a0 = zero4(), a1 = zero4(), a2 = zero4(), a3 = zero4();
            for (let oy = oyLo; oy < oyHi; oy++) {
              const iy = oy * sh - padTop + ky * dh;
              let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * inC + ci) << 2);
              let dp = dyImage + (<usize>((oy * outW + oxLo) * outC + co) << 2);
              for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += dyRow) {
                const v = f32x4.splat(load<f32>(xp));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(dp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(dp, 16)));
                a2 = f32x4.add(a2, f32x4.mul(v, v128.load(dp, 32)));
                a3 = f32x4.add(a3, f32x4.mul(v, v128.load(dp, 48)));
              }
            }
            const t = target + (<usize>co << 3);
            addToF64(t, a0);
            addToF64(t + 32, a1);
            addToF64(t + 64, a2);
            addToF64(t + 96, a3);
          }
          for (; co + 8 <= outC; co += 8) {
            let a0 = zero4(), a1 = zero4();
            for (let oy = oyLo; oy < oyHi; oy++) {
              const iy = oy * sh - padTop + ky * dh;
              let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * inC + ci) << 2);
              let dp = dyImage + (<usize>((oy * outW + oxLo) * outC + co) << 2);
              for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += dyRow) {
                const v = f32x4.splat(load<f32>(xp));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(dp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(dp, 16)));
              }
            }
            const t = target + (<usize>co << 3);
            addToF64(t, a0);
            addToF64(t + 32, a1);
          }
          for (; co + 4 <= outC; co += 4) {
            let a0 = zero4();
            for (let oy = oyLo; oy < oyHi; oy++) {
              const iy = oy * sh - padTop + ky * dh;
              let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * inC + ci) << 2);
              let dp = dyImage + (<usize>((oy * outW + oxLo) * outC + co) << 2);
              for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += dyRow) {
                a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(xp)), v128.load(dp)));
              }
            }
            addToF64(target + (<usize>co << 3), a0);
          }
          for (; co < outC; co++) {
            let a: f32 = 0;
            for (let oy = oyLo; oy < oyHi; oy++) {
              const iy = oy * sh - padTop + ky * dh;
              let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * inC + ci) << 2);
              let dp = dyImage + (<usize>((oy * outW + oxLo) * outC + co) << 2);
              for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += dyRow) a += load<f32>(xp) * load<f32>(dp);
            }
            const t = target + (<usize>co << 3);
            store<f64>(t, load<f64>(t) + <f64>a);
          }
        }
      }
    }
  }
}

/**
 * table[i * k + t] = the output position whose tap t reads input position i along one axis, or -1: the gather form of
 * the input gradient looks its sources up here instead of dividing by the stride in the inner loops.
 */
function tapTable(table: usize, size: i32, k: i32, dil: i32, stride: i32, pad: i32, out: i32): void {
  for (let i = 0; i < size; i++) {
    for (let t = 0; t < k; t++) {
      const num = i + pad - t * dil;
      const o = num >= 0 && num % stride == 0 && num / stride < out ? num / stride : -1;
      store<i32>(table + (<usize>(i * k + t) << 2), o);
    }
  }
}

/**
 * dx of a convolution (overwritten), from dy and the transposed kernel wT [kh, kw, outC, inC]: every input pixel
 * gathers dy[o, co] * wT[tap, co, :] from the output pixels o that read it, with the input channels in vector lanes.
 */
export function convBackwardInput(
  dy: usize, wT: usize, dx: usize, tables: usize, n: i32,
  inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, outC: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padTop: i32, padLeft: i32,
): void {
  const tapStride = <usize>inC << 2;
  const rowsTable = tables, colsTable = tables + (<usize>(inH * kh) << 2);
  tapTable(rowsTable, inH, kh, dh, sh, padTop, outH);
  tapTable(colsTable, inW, kw, dw, sw, padLeft, outW);
  let xp = dx;
  for (let b = 0; b < n; b++) {
    const dyImage = dy + (<usize>(b * outH * outW * outC) << 2);
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++, xp += tapStride) {
        let ci = 0;
        for (; ci + 16 <= inC; ci += 16) {
          let a0 = zero4(), a1 = zero4(), a2 = zero4(), a3 = zero4();
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              let dp = dyImage + (<usize>((oy * outW + ox) * outC) << 2);
              let wp = wT + (<usize>((ky * kw + kx) * outC * inC + ci) << 2);
              for (let co = 0; co < outC; co++, wp += tapStride, dp += 4) {
                const v = f32x4.splat(load<f32>(dp));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(wp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(wp, 16)));
                a2 = f32x4.add(a2, f32x4.mul(v, v128.load(wp, 32)));
                a3 = f32x4.add(a3, f32x4.mul(v, v128.load(wp, 48)));
              }
            }
          }
          const o = xp + (<usize>ci << 2);
          v128.store(o, a0);
          v128.store(o, a1, 16);
          v128.store(o, a2, 32);
          v128.store(o, a3, 48);
        }
        for (; ci + 8 <= inC; ci += 8) {
          let a0 = zero4(), a1 = zero4();
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              let dp = dyImage + (<usize>((oy * outW + ox) * outC) << 2);
              let wp = wT + (<usize>((ky * kw + kx) * outC * inC + ci) << 2);
              for (let co = 0; co < outC; co++, wp += tapStride, dp += 4) {
                const v = f32x4.splat(load<f32>(dp));
                a0 = f32x4.add(a0, f32x4.mul(v, v128.load(wp)));
                a1 = f32x4.add(a1, f32x4.mul(v, v128.load(wp, 16)));
              }
            }
          }
          const o = xp + (<usize>ci << 2);
          v128.store(o, a0);
          v128.store(o, a1, 16);
        }
        for (; ci + 4 <= inC; ci += 4) {
          let a0 = zero4();
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              let dp = dyImage + (<usize>((oy * outW + ox) * outC) << 2);
              let wp = wT + (<usize>((ky * kw + kx) * outC * inC + ci) << 2);
              for (let co = 0; co < outC; co++, wp += tapStride, dp += 4) {
                a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(dp)), v128.load(wp)));
              }
            }
          }
          v128.store(xp + (<usize>ci << 2), a0);
        }
        for (; ci < inC; ci++) {
          let a: f32 = 0;
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              let dp = dyImage + (<usize>((oy * outW + ox) * outC) << 2);
              let wp = wT + (<usize>((ky * kw + kx) * outC * inC + ci) << 2);
              for (let co = 0; co < outC; co++, wp += tapStride, dp += 4) a += load<f32>(dp) * load<f32>(wp);
            }
          }
          store<f32>(xp + (<usize>ci << 2), a);
        }
      }
    }
  }
}

/** wT[tap, co, ci] = w[tap, ci, co]. */
export function transposeKernel(w: usize, wT: usize, taps: i32, inC: i32, outC: i32): void {
  for (let t = 0; t < taps; t++) {
    const base = t * inC * outC;
    for (let ci = 0; ci < inC; ci++) {
      for (let co = 0; co < outC; co++) {
        store<f32>(wT + (<usize>(base + co * inC + ci) << 2), load<f32>(w + (<usize>(base + ci * outC + co) << 2)));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Depthwise convolution, depth multiplier 1 (kernel [kh, kw, c, 1]).

export function depthwiseForward(
  x: usize, w: usize, bias: usize, y: usize, n: i32,
  inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padTop: i32, padLeft: i32,
): void {
  const pixel = <usize>c << 2;
  let yp = y;
  for (let b = 0; b < n; b++) {
    const xImage = x + (<usize>(b * inH * inW * c) << 2);
    for (let oy = 0; oy < outH; oy++) {
      const iy0 = oy * sh - padTop;
      for (let ox = 0; ox < outW; ox++, yp += pixel) {
        const ix0 = ox * sw - padLeft;
        let k = 0;
        for (; k + 16 <= c; k += 16) {
          let a0 = biasOrZero(bias, k, 0), a1 = biasOrZero(bias, k, 4), a2 = biasOrZero(bias, k, 8), a3 = biasOrZero(bias, k, 12);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * c + k) << 2);
              const wp = w + (<usize>((ky * kw + kx) * c + k) << 2);
              a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(wp)));
              a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(wp, 16)));
              a2 = f32x4.add(a2, f32x4.mul(v128.load(xp, 32), v128.load(wp, 32)));
              a3 = f32x4.add(a3, f32x4.mul(v128.load(xp, 48), v128.load(wp, 48)));
            }
          }
          const o = yp + (<usize>k << 2);
          v128.store(o, a0);
          v128.store(o, a1, 16);
          v128.store(o, a2, 32);
          v128.store(o, a3, 48);
        }
        for (; k + 8 <= c; k += 8) {
          let a0 = biasOrZero(bias, k, 0), a1 = biasOrZero(bias, k, 4);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * c + k) << 2);
              const wp = w + (<usize>((ky * kw + kx) * c + k) << 2);
              a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(wp)));
              a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(wp, 16)));
            }
          }
          v128.store(yp + (<usize>k << 2), a0);
          v128.store(yp + (<usize>k << 2), a1, 16);
        }
        for (; k + 4 <= c; k += 4) {
          let a0 = biasOrZero(bias, k, 0);
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              const xp = xImage + (<usize>((iy * inW + ix) * c + k) << 2);
              a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(w + (<usize>((ky * kw + kx) * c + k) << 2))));
            }
          }
          v128.store(yp + (<usize>k << 2), a0);
        }
        for (; k < c; k++) {
          let s: f32 = bias == 0 ? 0 : load<f32>(bias + (<usize>k << 2));
          for (let ky = 0; ky < kh; ky++) {
            const iy = iy0 + ky * dh;
            if (iy < 0 || iy >= inH) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ix = ix0 + kx * dw;
              if (ix < 0 || ix >= inW) continue;
              s += load<f32>(xImage + (<usize>((iy * inW + ix) * c + k) << 2)) * load<f32>(w + (<usize>((ky * kw + kx) * c + k) << 2));
            }
          }
          store<f32>(yp + (<usize>k << 2), s);
        }
      }
    }
  }
}

/**
 * dx (overwritten unless 0), dw and dbias (float64, overwritten; dbias may be 0) of a depthwise convolution. dw: per
 * tap and block of channels, accumulated in registers over one image's pixels. dx: gathered per input pixel.
 */
export function depthwiseBackward(
  x: usize, w: usize, dy: usize, dx: usize, dwOut: usize, dbiasOut: usize, tables: usize, n: i32,
  inH: i32, inW: i32, c: i32, outH: i32, outW: i32,
  kh: i32, kw: i32, sh: i32, sw: i32, dh: i32, dw: i32, padTop: i32, padLeft: i32,
): void {
  memory.fill(dwOut, 0, <usize>(kh * kw * c) << 3);
  if (dbiasOut != 0) memory.fill(dbiasOut, 0, <usize>c << 3);
  const pixel = <usize>c << 2;
  const xStep = <usize>(sw * c) << 2;
  const rowsTable = tables, colsTable = tables + (<usize>(inH * kh) << 2);
  if (dx != 0) {
    tapTable(rowsTable, inH, kh, dh, sh, padTop, outH);
    tapTable(colsTable, inW, kw, dw, sw, padLeft, outW);
  }
  for (let b = 0; b < n; b++) {
    const xImage = x + (<usize>(b * inH * inW * c) << 2);
    const dyImage = dy + (<usize>(b * outH * outW * c) << 2);
    if (dbiasOut != 0) addChannelSums(dyImage, outH * outW, c, dbiasOut);
    for (let ky = 0; ky < kh; ky++) {
      const oyLo = tapLo(padTop, ky, dh, sh), oyHi = tapHi(inH, padTop, ky, dh, sh, outH);
      if (oyLo >= oyHi) continue;
      for (let kx = 0; kx < kw; kx++) {
        const oxLo = tapLo(padLeft, kx, dw, sw), oxHi = tapHi(inW, padLeft, kx, dw, sw, outW);
        if (oxLo >= oxHi) continue;
        const target = dwOut + (<usize>((ky * kw + kx) * c) << 3);
        let k = 0;
        for (; k + 8 <= c; k += 8) {
          let a0 = zero4(), a1 = zero4();
          for (let oy = oyLo; oy < oyHi; oy++) {
            const iy = oy * sh - padTop + ky * dh;
            let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * c + k) << 2);
            let dp = dyImage + (<usize>((oy * outW + oxLo) * c + k) << 2);
            for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += pixel) {
              a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(dp)));
              a1 = f32x4.add(a1, f32x4.mul(v128.load(xp, 16), v128.load(dp, 16)));
            }
          }
          addToF64(target + (<usize>k << 3), a0);
          addToF64(target + (<usize>k << 3) + 32, a1);
        }
        for (; k + 4 <= c; k += 4) {
          let a0 = zero4();
          for (let oy = oyLo; oy < oyHi; oy++) {
            const iy = oy * sh - padTop + ky * dh;
            let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * c + k) << 2);
            let dp = dyImage + (<usize>((oy * outW + oxLo) * c + k) << 2);
            for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += pixel) a0 = f32x4.add(a0, f32x4.mul(v128.load(xp), v128.load(dp)));
          }
          addToF64(target + (<usize>k << 3), a0);
        }
        for (; k < c; k++) {
          let a: f32 = 0;
          for (let oy = oyLo; oy < oyHi; oy++) {
            const iy = oy * sh - padTop + ky * dh;
            let xp = xImage + (<usize>((iy * inW + oxLo * sw - padLeft + kx * dw) * c + k) << 2);
            let dp = dyImage + (<usize>((oy * outW + oxLo) * c + k) << 2);
            for (let ox = oxLo; ox < oxHi; ox++, xp += xStep, dp += pixel) a += load<f32>(xp) * load<f32>(dp);
          }
          const t = target + (<usize>k << 3);
          store<f64>(t, load<f64>(t) + <f64>a);
        }
      }
    }
    if (dx == 0) continue;
    let xp = dx + (<usize>(b * inH * inW * c) << 2);
    for (let iy = 0; iy < inH; iy++) {
      for (let ix = 0; ix < inW; ix++, xp += pixel) {
        let k = 0;
        for (; k + 8 <= c; k += 8) {
          let a0 = zero4(), a1 = zero4();
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              const dp = dyImage + (<usize>((oy * outW + ox) * c + k) << 2);
              const wp = w + (<usize>((ky * kw + kx) * c + k) << 2);
              a0 = f32x4.add(a0, f32x4.mul(v128.load(dp), v128.load(wp)));
              a1 = f32x4.add(a1, f32x4.mul(v128.load(dp, 16), v128.load(wp, 16)));
            }
          }
          v128.store(xp + (<usize>k << 2), a0);
          v128.store(xp + (<usize>k << 2), a1, 16);
        }
        for (; k + 4 <= c; k += 4) {
          let a0 = zero4();
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              const dp = dyImage + (<usize>((oy * outW + ox) * c + k) << 2);
              a0 = f32x4.add(a0, f32x4.mul(v128.load(dp), v128.load(w + (<usize>((ky * kw + kx) * c + k) << 2))));
            }
          }
          v128.store(xp + (<usize>k << 2), a0);
        }
        for (; k < c; k++) {
          let a: f32 = 0;
          for (let ky = 0; ky < kh; ky++) {
            const oy = load<i32>(rowsTable + (<usize>(iy * kh + ky) << 2));
            if (oy < 0) continue;
            for (let kx = 0; kx < kw; kx++) {
              const ox = load<i32>(colsTable + (<usize>(ix * kw + kx) << 2));
              if (ox < 0) continue;
              a += load<f32>(dyImage + (<usize>((oy * outW + ox) * c + k) << 2)) * load<f32>(w + (<usize>((ky * kw + kx) * c + k) << 2));
            }
          }
          store<f32>(xp + (<usize>k << 2), a);
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Batch normalisation over [rows, c]. Float32 partial sums over at most FLUSH_ROWS rows, then float64.

const FLUSH_ROWS = 64;

@inline function reluMask(relu: bool, y: v128, d: v128): v128 {
  return relu ? v128.and(d, f32x4.gt(y, f32x4.splat(0))) : d;
}

/** out[k] = Σ (x - centre[k]), out[c + k] = Σ (x - centre[k])² (float64). scratch: 2c float32. */
export function bnSums(x: usize, rows: i32, c: i32, centre: usize, out: usize, scratch: usize): void {
  memory.fill(out, 0, <usize>(2 * c) << 3);
  const q = scratch + (<usize>c << 2);
  for (let r0 = 0; r0 < rows; r0 += FLUSH_ROWS) {
    const r1 = min(rows, r0 + FLUSH_ROWS);
    memory.fill(scratch, 0, <usize>(2 * c) << 2);
    for (let r = r0; r < r1; r++) {
      const row = x + (<usize>(r * c) << 2);
      let k = 0;
      for (; k + 4 <= c; k += 4) {
        const k4 = <usize>k << 2;
        const v = f32x4.sub(v128.load(row + k4), v128.load(centre + k4));
        v128.store(scratch + k4, f32x4.add(v128.load(scratch + k4), v));
        v128.store(q + k4, f32x4.add(v128.load(q + k4), f32x4.mul(v, v)));
      }
      for (; k < c; k++) {
        const k4 = <usize>k << 2;
        const v = load<f32>(row + k4) - load<f32>(centre + k4);
        store<f32>(scratch + k4, load<f32>(scratch + k4) + v);
        store<f32>(q + k4, load<f32>(q + k4) + v * v);
      }
    }
    flushToF64(scratch, out, 2 * c);
  }
}

/** y = x * co[k] + co[c + k] (float32 coefficients), then max(0, y) when relu. */
export function bnNormalize(x: usize, y: usize, rows: i32, c: i32, co: usize, relu: bool): void {
  const shift = co + (<usize>c << 2);
  const zero = f32x4.splat(0);
  for (let r = 0; r < rows; r++) {
    const offset = <usize>(r * c) << 2;
    let k = 0;
    for (; k + 4 <= c; k += 4) {
      const k4 = <usize>k << 2;
      let v = f32x4.add(f32x4.mul(v128.load(x + offset + k4), v128.load(co + k4)), v128.load(shift + k4));
      if (relu) v = f32x4.max(v, zero);
      v128.store(y + offset + k4, v);
    }
    for (; k < c; k++) {
      const k4 = <usize>k << 2;
      let v = load<f32>(x + offset + k4) * load<f32>(co + k4) + load<f32>(shift + k4);
      if (relu && !(v > 0)) v = 0;
      store<f32>(y + offset + k4, v);
    }
  }
}

/** With d = dy (masked by y > 0 when relu): out[k] = Σ d, out[c + k] = Σ d (x - centre[k]) (float64). scratch: 2c. */
export function bnBackwardSums(x: usize, y: usize, dy: usize, rows: i32, c: i32, centre: usize, relu: bool, out: usize, scratch: usize): void {
  memory.fill(out, 0, <usize>(2 * c) << 3);
  const p = scratch + (<usize>c << 2);
  for (let r0 = 0; r0 < rows; r0 += FLUSH_ROWS) {
    const r1 = min(rows, r0 + FLUSH_ROWS);
    memory.fill(scratch, 0, <usize>(2 * c) << 2);
    for (let r = r0; r < r1; r++) {
      const offset = <usize>(r * c) << 2;
      let k = 0;
      for (; k + 4 <= c; k += 4) {
        const k4 = <usize>k << 2;
        const d = reluMask(relu, v128.load(y + offset + k4), v128.load(dy + offset + k4));
        v128.store(scratch + k4, f32x4.add(v128.load(scratch + k4), d));
        const centred = f32x4.sub(v128.load(x + offset + k4), v128.load(centre + k4));
        v128.store(p + k4, f32x4.add(v128.load(p + k4), f32x4.mul(d, centred)));
      }
      for (; k < c; k++) {
        const k4 = <usize>k << 2;
        let d = load<f32>(dy + offset + k4);
        if (relu && !(load<f32>(y + offset + k4) > 0)) d = 0;
        store<f32>(scratch + k4, load<f32>(scratch + k4) + d);
        store<f32>(p + k4, load<f32>(p + k4) + d * (load<f32>(x + offset + k4) - load<f32>(centre + k4)));
      }
    }
    flushToF64(scratch, out, 2 * c);
  }
}

/** dx = co[k] * d + co[c + k] * x + co[2c + k] (float32 coefficients; d masked by y > 0 when relu). */
export function bnBackwardDx(x: usize, y: usize, dy: usize, dx: usize, rows: i32, c: i32, co: usize, relu: bool): void {
  const cb = co + (<usize>c << 2);
  const ce = co + (<usize>(2 * c) << 2);
  for (let r = 0; r < rows; r++) {
    const offset = <usize>(r * c) << 2;
    let k = 0;
    for (; k + 4 <= c; k += 4) {
      const k4 = <usize>k << 2;
      const d = reluMask(relu, v128.load(y + offset + k4), v128.load(dy + offset + k4));
      const v = f32x4.add(
        f32x4.add(f32x4.mul(v128.load(co + k4), d), f32x4.mul(v128.load(cb + k4), v128.load(x + offset + k4))),
        v128.load(ce + k4),
      );
      v128.store(dx + offset + k4, v);
    }
    for (; k < c; k++) {
      const k4 = <usize>k << 2;
      let d = load<f32>(dy + offset + k4);
      if (relu && !(load<f32>(y + offset + k4) > 0)) d = 0;
      store<f32>(dx + offset + k4, load<f32>(co + k4) * d + load<f32>(cb + k4) * load<f32>(x + offset + k4) + load<f32>(ce + k4));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Activations and Adam.

/** y = min(max(x, 0), max); x and y may be the same buffer. */
export function reluForward(x: usize, y: usize, size: i32, max: f32): void {
  const zero = f32x4.splat(0);
  const top = f32x4.splat(max);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = <usize>i << 2;
    v128.store(y + o, f32x4.min(f32x4.max(v128.load(x + o), zero), top));
  }
  for (; i < size; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(x + o);
    store<f32>(y + o, v > 0 ? (v > max ? max : v) : 0);
  }
}

/** dx = dy where 0 < x <= max, else 0. */
export function reluBackward(x: usize, dy: usize, dx: usize, size: i32, max: f32): void {
  const zero = f32x4.splat(0);
  const top = f32x4.splat(max);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = <usize>i << 2;
    const v = v128.load(x + o);
    v128.store(dx + o, v128.and(v128.load(dy + o), v128.and(f32x4.gt(v, zero), f32x4.le(v, top))));
  }
  for (; i < size; i++) {
    const o = <usize>i << 2;
    const v = load<f32>(x + o);
    store<f32>(dx + o, v > 0 && v <= max ? load<f32>(dy + o) : 0);
  }
}

/** out = dy where y > 0, else 0 (the gradient through a fused ReLU, from its output). */
export function reluMaskByOutput(y: usize, dy: usize, out: usize, size: i32): void {
  const zero = f32x4.splat(0);
  let i = 0;
  for (; i + 4 <= size; i += 4) {
    const o = <usize>i << 2;
    v128.store(out + o, v128.and(v128.load(dy + o), f32x4.gt(v128.load(y + o), zero)));
  }
  for (; i < size; i++) {
    const o = <usize>i << 2;
    store<f32>(out + o, load<f32>(y + o) > 0 ? load<f32>(dy + o) : 0);
  }
}

/** tf.train.adam's update in float64: m, v updated, then w -= lr * (m / c1) / (sqrt(v / c2) + eps). */
export function adam(w: usize, g: usize, m: usize, v: usize, size: i32, lr: f64, beta1: f64, beta2: f64, eps: f64, c1: f64, c2: f64): void {
  const b1 = f64x2.splat(beta1), nb1 = f64x2.splat(1 - beta1);
  const b2 = f64x2.splat(beta2), nb2 = f64x2.splat(1 - beta2);
  const vc1 = f64x2.splat(c1), vc2 = f64x2.splat(c2), ve = f64x2.splat(eps), vlr = f64x2.splat(lr);
  let i = 0;
  for (; i + 2 <= size; i += 2) {
    const o = <usize>i << 3;
    const gi = v128.load(g + o);
    const mi = f64x2.add(f64x2.mul(b1, v128.load(m + o)), f64x2.mul(nb1, gi));
    const vi = f64x2.add(f64x2.mul(b2, v128.load(v + o)), f64x2.mul(f64x2.mul(nb2, gi), gi));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f64x2.div(f64x2.mul(vlr, f64x2.div(mi, vc1)), f64x2.add(f64x2.sqrt(f64x2.div(vi, vc2)), ve));
    const wp = w + (<usize>i << 2);
    const wi = f64x2.promote_low_f32x4(v128.load64_zero(wp));
    v128.store64_lane(wp, f32x4.demote_f64x2_zero(f64x2.sub(wi, step)), 0);
  }
  for (; i < size; i++) {
    const o = <usize>i << 3;
    const gi = load<f64>(g + o);
    const mi = beta1 * load<f64>(m + o) + (1 - beta1) * gi;
    const vi = beta2 * load<f64>(v + o) + (1 - beta2) * gi * gi;
    store<f64>(m + o, mi);
    store<f64>(v + o, vi);
    const wp = w + (<usize>i << 2);
    store<f32>(wp, <f32>(<f64>load<f32>(wp) - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps)));
  }
}

/** dst[i] += src[i] for float64 arrays (the gradient reduction across threads, in a fixed order). */
export function addF64(dst: usize, src: usize, size: i32): void {
  let i = 0;
  for (; i + 2 <= size; i += 2) {
    const o = <usize>i << 3;
    v128.store(dst + o, f64x2.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < size; i++) {
    const o = <usize>i << 3;
    store<f64>(dst + o, load<f64>(dst + o) + load<f64>(src + o));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Zero padding and global average pooling.

/** ZeroPadding2D: each input row copied into the middle of a zeroed output row. */
export function zeroPadForward(x: usize, y: usize, n: i32, h: i32, w: i32, c: i32, top: i32, bottom: i32, left: i32, right: i32): void {
  const outH = h + top + bottom, outW = w + left + right;
  memory.fill(y, 0, <usize>(n * outH * outW * c) << 2);
  const row = <usize>(w * c) << 2;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < h; r++) {
      memory.copy(y + (<usize>(((b * outH + r + top) * outW + left) * c) << 2), x + (<usize>((b * h + r) * w * c) << 2), row);
    }
  }
}

export function zeroPadBackward(dy: usize, dx: usize, n: i32, h: i32, w: i32, c: i32, top: i32, bottom: i32, left: i32, right: i32): void {
  const outH = h + top + bottom, outW = w + left + right;
  const row = <usize>(w * c) << 2;
  for (let b = 0; b < n; b++) {
    for (let r = 0; r < h; r++) {
      memory.copy(dx + (<usize>((b * h + r) * w * c) << 2), dy + (<usize>(((b * outH + r + top) * outW + left) * c) << 2), row);
    }
  }
}

/** y[b, k] = mean over the positions of x[b, :, k]. */
export function averagePoolForward(x: usize, y: usize, n: i32, positions: i32, c: i32): void {
  for (let b = 0; b < n; b++) {
    const image = x + (<usize>(b * positions * c) << 2);
    const out = y + (<usize>(b * c) << 2);
    let k = 0;
    for (; k + 4 <= c; k += 4) {
      let a = zero4();
      let p = image + (<usize>k << 2);
      for (let i = 0; i < positions; i++, p += <usize>c << 2) a = f32x4.add(a, v128.load(p));
      v128.store(out + (<usize>k << 2), f32x4.div(a, f32x4.splat(<f32>positions)));
    }
    for (; k < c; k++) {
      let a: f32 = 0;
      let p = image + (<usize>k << 2);
      for (let i = 0; i < positions; i++, p += <usize>c << 2) a += load<f32>(p);
      store<f32>(out + (<usize>k << 2), a / <f32>positions);
    }
  }
}

export function averagePoolBackward(dy: usize, dx: usize, n: i32, positions: i32, c: i32): void {
  for (let b = 0; b < n; b++) {
    const image = dx + (<usize>(b * positions * c) << 2);
    const row = dy + (<usize>(b * c) << 2);
    for (let i = 0; i < positions; i++) {
      const p = image + (<usize>(i * c) << 2);
      let k = 0;
      for (; k + 4 <= c; k += 4) v128.store(p + (<usize>k << 2), f32x4.div(v128.load(row + (<usize>k << 2)), f32x4.splat(<f32>positions)));
      for (; k < c; k++) store<f32>(p + (<usize>k << 2), load<f32>(row + (<usize>k << 2)) / <f32>positions);
    }
  }
}
