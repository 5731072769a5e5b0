// One small graph per lowering feature, with the op list the official converter emits for it (dense file).
import type { ModelSpec } from '../../shared/model-spec';
import { GraphSpecBuilder } from './graph-models';

export interface GraphCase {
  name: string;
  spec: ModelSpec;
  /** Operators of the dense file, in order. */
  ops: string[];
  /** Fused activation per operator that has one (same order, operators without the field skipped). */
  fused?: string[];
  /**
   * SPMM operators XNNPACK runs for the model with its 1x1 kernels pruned to 75 % (0: it stays dense, as the sparse
   * rules predict); undefined when not asserted.
   */
  spmm?: number;
}

function build(name: string, body: (b: GraphSpecBuilder, x: string) => string): ModelSpec {
  const b = new GraphSpecBuilder();
  return b.spec(name, body(b, 'input_1'));
}

const HEAD = ['MEAN', 'RESHAPE', 'FULLY_CONNECTED'];
const STEM = ['PAD', 'CONV_2D'];

export const GRAPH_CASES: GraphCase[] = [
  {
    name: 'residual Add (inverted residual block, ReLU6 fused into the convolutions)',
    spec: build('residual', (b, x) => {
      const s = b.stem(x);
      const e = b.relu(b.bn(b.conv(s, 16)), 6);
      const d = b.relu(b.bn(b.dw(e)), 6);
      const p = b.bn(b.conv(d, 8));
      return b.head(b.add(s, p));
    }),
    ops: [...STEM, 'CONV_2D', 'DEPTHWISE_CONV_2D', 'CONV_2D', 'ADD', ...HEAD],
    spmm: 2,
    fused: ['RELU6', 'RELU6', 'RELU6', 'NONE', 'NONE', 'NONE'],
  },
  {
    name: 'squeeze-excite: keepdims MEAN in the middle, 1x1 convs, hard_sigmoid gate, broadcast Multiply',
    spec: build('squeeze_excite', (b, x) => {
      const s = b.stem(x, 16);
      const g = b.gap(s, true);
      const r = b.conv(g, 4, 1, 1, 'relu');
      const gate = b.conv(r, 16, 1, 1, 'hard_sigmoid');
      return b.head(b.conv(b.mul(s, gate), 16, 1, 1, 'relu'));
    }),
    // hard_sigmoid = relu6(x + 3) / 6: the +3 folds into the conv's bias, the ReLU6 fuses, the / 6 stays a MUL.
    ops: [...STEM, 'MEAN', 'CONV_2D', 'CONV_2D', 'MUL', 'MUL', 'CONV_2D', ...HEAD],
    spmm: 3,
    fused: ['RELU6', 'RELU', 'RELU6', 'NONE', 'NONE', 'RELU', 'NONE'],
  },
  {
    name: 'hard_swish as an Activation layer and as a conv activation',
    spec: build('hard_swish', (b, x) => {
      const s = b.act(b.bn(b.conv(b.pad(x), 8, 3, 2)), 'hard_swish');
      return b.head(b.conv(s, 16, 1, 1, 'hard_swish'));
    }),
    ops: [...STEM, 'HARD_SWISH', 'CONV_2D', 'HARD_SWISH', ...HEAD],
    spmm: 1,
    fused: ['NONE', 'NONE', 'NONE'],
  },
  {
    name: 'sigmoid and swish',
    spec: build('sigmoid', (b, x) => {
      const s = b.act(b.bn(b.conv(b.pad(x), 8, 3, 2)), 'sigmoid');
      return b.head(b.conv(s, 16, 1, 1, 'swish'));
    }),
    ops: [...STEM, 'LOGISTIC', 'CONV_2D', 'LOGISTIC', 'MUL', ...HEAD],
    spmm: 1,
  },
  {
    name: 'relu6: ReLU(max_value=6) after BN and Activation(relu6) after an Add, both fused',
    spec: build('relu6', (b, x) => {
      const s = b.stem(x);
      const p = b.bn(b.conv(s, 8));
      return b.head(b.act(b.add(s, p), 'relu6'));
    }),
    ops: [...STEM, 'CONV_2D', 'ADD', ...HEAD],
    spmm: 1,
    fused: ['RELU6', 'NONE', 'RELU6', 'NONE'],
  },
  {
    name: 'Reshape in the middle (flat -> [1, 1, C]) and as the flatten before Dense',
    spec: build('reshape', (b, x) => {
      const s = b.stem(x);
      const flat = b.gap(s, false);
      const back = b.reshape(flat, [1, 1, 8]);
      const c = b.conv(back, 16, 1, 1, 'relu');
      return b.dense(b.reshape(c, [-1]));
    }),
    ops: [...STEM, 'MEAN', 'RESHAPE', 'CONV_2D', 'RESHAPE', 'FULLY_CONNECTED'],
    spmm: 0,
  },
  {
    name: '5x5 depthwise (stride 1 same, stride 2 after ZeroPadding2D(2))',
    spec: build('depthwise_5x5', (b, x) => {
      const s = b.stem(x);
      const d1 = b.relu(b.bn(b.dw(s, 5)), 6);
      const d2 = b.relu(
        b.bn(
          b.dw(
            b.pad(d1, [
              [2, 2],
              [2, 2],
            ]),
            5,
            2,
            'valid',
          ),
        ),
        6,
      );
      return b.head(b.conv(d2, 16, 1, 1, 'relu'));
    }),
    ops: [...STEM, 'DEPTHWISE_CONV_2D', 'PAD', 'DEPTHWISE_CONV_2D', 'CONV_2D', ...HEAD],
    spmm: 1,
    fused: ['RELU6', 'RELU6', 'RELU6', 'RELU', 'NONE'],
  },
  {
    name: 'asymmetric padding: ZeroPadding2D((0, 1), (0, 1)) before a stride-2 conv',
    spec: build('padding', (b, x) => {
      const s = b.relu(
        b.bn(
          b.conv(
            b.pad(x, [
              [0, 1],
              [0, 1],
            ]),
            8,
            3,
            2,
          ),
        ),
      );
      return b.head(s);
    }),
    ops: [...STEM, ...HEAD],
    spmm: 0,
  },
  {
    name: 'Dropout dropped, Rescaling as MUL + ADD at the input and folded into a conv after it',
    spec: build('rescaling', (b, x) => {
      const r = b.rescale(x, 1 / 127.5, -1);
      const s = b.rescale(b.stem(r), 1, 0.5);
      const c = b.rescale(b.conv(b.dropout(s), 16), 2, 0);
      return b.dense(b.dropout(b.flatten(b.gap(b.relu(c), true))));
    }),
    ops: ['MUL', 'ADD', ...STEM, 'ADD', 'CONV_2D', ...HEAD],
    spmm: 0,
  },
  {
    name: 'standalone RELU and RELU6 where nothing can take them (after MEAN, after a Reshape)',
    spec: build('relu_standalone', (b, x) => {
      const g = b.relu(b.gap(b.stem(x), true));
      return b.dense(b.relu(b.reshape(b.conv(g, 16), [16]), 6));
    }),
    ops: [...STEM, 'MEAN', 'RELU', 'CONV_2D', 'RESHAPE', 'RELU6', 'FULLY_CONNECTED'],
  },
  {
    name: 'batch norm that cannot fold (after an Add, after a conv with a ReLU) stays MUL + ADD',
    spec: build('batch_norm_unfolded', (b, x) => {
      const s = b.stem(x);
      const c = b.bn(b.conv(s, 8, 1, 1, 'relu'));
      return b.head(b.bn(b.add(s, c)));
    }),
    ops: [...STEM, 'CONV_2D', 'MUL', 'ADD', 'ADD', 'MUL', 'ADD', ...HEAD],
    // A constant MUL / ADD on a 8x8 feature map ends XNNPACK's NCHW part (measured).
    spmm: 0,
  },
];
