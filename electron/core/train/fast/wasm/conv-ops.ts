import type { ConvGeometry } from '../geometry';
import { KernelMemory } from './kernel-memory';

// The convolution entry points of the WebAssembly kernels. Each returns false (and does nothing) when the tensors do
// not all live in one KernelMemory, so the caller runs the JavaScript kernels instead.

/** Scratch slots: the transposed kernel, the input gradient's tap tables. */
const TRANSPOSED = 1;
const TABLES = 0;

const tables = (km: KernelMemory, g: ConvGeometry): number => km.scratch(TABLES, (g.inH * g.kh + g.inW * g.kw) * 4);

function shape(g: ConvGeometry): number[] {
  return [g.n, g.inH, g.inW, g.inC, g.outH, g.outW, g.outC, g.kh, g.kw, g.strideH, g.strideW, g.dilationH, g.dilationW, g.padTop, g.padLeft];
}

const at = (a: ArrayBufferView | null): number => (a === null ? 0 : a.byteOffset);

export function wasmConvForward(g: ConvGeometry, x: Float32Array, w: Float32Array, bias: Float32Array | null, y: Float32Array): boolean {
  const km = KernelMemory.of(x, w, bias, y);
  if (!km) return false;
  km.k.convForward(x.byteOffset, w.byteOffset, at(bias), y.byteOffset, ...shape(g));
  return true;
}

export function wasmConvBackward(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): boolean {
  const { x, w, dy } = tensors;
  const km = KernelMemory.of(x, w, dy, dx, grads.dw, grads.dbias);
  if (!km) return false;
  const taps = g.kh * g.kw;
  km.k.convBackwardFilter(x.byteOffset, dy.byteOffset, grads.dw.byteOffset, at(grads.dbias), ...shape(g));
  if (dx) {
    const wT = km.scratch(TRANSPOSED, taps * g.inC * g.outC * 4);
    km.k.transposeKernel(w.byteOffset, wT, taps, g.inC, g.outC);
    km.k.convBackwardInput(dy.byteOffset, wT, dx.byteOffset, tables(km, g), ...shape(g));
  }
  return true;
}

/** Depth multiplier 1 only (g.outC === g.inC). */
export function wasmDepthwiseForward(
  g: ConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  y: Float32Array,
): boolean {
  if (g.outC !== g.inC) return false;
  const km = KernelMemory.of(x, w, bias, y);
  if (!km) return false;
  const s = shape(g);
  s.splice(6, 1); // no outC: it equals inC
  km.k.depthwiseForward(x.byteOffset, w.byteOffset, at(bias), y.byteOffset, ...s);
  return true;
}

export function wasmDepthwiseBackward(
  g: ConvGeometry,
  tensors: { x: Float32Array; w: Float32Array; dy: Float32Array },
  dx: Float32Array | null,
  grads: { dw: Float64Array; dbias: Float64Array | null },
): boolean {
  if (g.outC !== g.inC) return false;
  const { x, w, dy } = tensors;
  const km = KernelMemory.of(x, w, dy, dx, grads.dw, grads.dbias);
  if (!km) return false;
  const s = shape(g);
  s.splice(6, 1);
  km.k.depthwiseBackward(x.byteOffset, w.byteOffset, dy.byteOffset, at(dx), grads.dw.byteOffset, at(grads.dbias), tables(km, g), ...s);
  return true;
}
