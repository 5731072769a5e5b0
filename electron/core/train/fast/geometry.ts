import type { ConvPadding, Pair } from '../../../../shared/model-spec';

/** Everything a 2-D convolution kernel needs to know about its shapes (NHWC, batch `n`). */
export interface ConvGeometry {
  n: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padLeft: number;
}

/** Output size and leading padding of one spatial axis, as TensorFlow computes them. */
export function axisGeometry(input: number, kernel: number, stride: number, dilation: number, padding: ConvPadding) {
  const effective = (kernel - 1) * dilation + 1;
  if (padding === 'valid') return { out: Math.floor((input - effective) / stride) + 1, padBefore: 0 };
  const out = Math.ceil(input / stride);
  const total = Math.max((out - 1) * stride + effective - input, 0);
  return { out, padBefore: Math.floor(total / 2) };
}

export interface ConvSetup {
  inShape: [number, number, number];
  outC: number;
  kernel: Pair;
  strides: Pair;
  dilation: Pair;
  padding: ConvPadding;
}

export function convGeometry(setup: ConvSetup, n: number): ConvGeometry {
  const [inH, inW, inC] = setup.inShape;
  const rows = axisGeometry(inH, setup.kernel[0], setup.strides[0], setup.dilation[0], setup.padding);
  const cols = axisGeometry(inW, setup.kernel[1], setup.strides[1], setup.dilation[1], setup.padding);
  return {
    n,
    inH,
    inW,
    inC,
    outH: rows.out,
    outW: cols.out,
    outC: setup.outC,
    kh: setup.kernel[0],
    kw: setup.kernel[1],
    strideH: setup.strides[0],
    strideW: setup.strides[1],
    dilationH: setup.dilation[0],
    dilationW: setup.dilation[1],
    padTop: rows.padBefore,
    padLeft: cols.padBefore,
  };
}
