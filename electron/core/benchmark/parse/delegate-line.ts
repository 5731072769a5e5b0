/** What benchmark_model and the TFLite runtime said about a delegate. */
export interface DelegateEvent {
  /** As printed: 'XNNPACK', 'GPU', 'NNAPI', 'Hexagon', 'TfLiteXNNPackDelegate', ... */
  delegate: string;
  /** 'created' = delegate instance made (also XNNPACK as default delegate); 'complete' / 'partial' = explicitly applied
   * and runs all / part of the graph; 'not-executed' = applied but the graph falls back to CPU; 'replaced' = the
   * runtime's `Replacing N out of M node(s)` line; 'failed' = could not be applied. */
  status: 'created' | 'complete' | 'partial' | 'not-executed' | 'replaced' | 'failed';
  kernels?: number;
  nodesReplaced?: number;
  nodesTotal?: number;
  partitions?: number;
  text: string;
}

type Reader = (m: RegExpExecArray, text: string) => DelegateEvent;

const READERS: [RegExp, Reader][] = [
  [
    /^Explicitly applied (\S+) delegate, and the model graph will be completely executed by the delegate/,
    (m, text) => ({ delegate: m[1] ?? '', status: 'complete', text }),
  ],
  [
    /^Explicitly applied (\S+) delegate, and the model graph will be partially executed by the delegate w\/ (\d+) delegate kernels/,
    (m, text) => ({ delegate: m[1] ?? '', status: 'partial', kernels: Number(m[2]), text }),
  ],
  [
    /^Though (\S+) delegate is explicitly applied, the model graph will not be executed by the delegate/,
    (m, text) => ({ delegate: m[1] ?? '', status: 'not-executed', text }),
  ],
  [/^Failed to apply (\S+) delegate/, (m, text) => ({ delegate: m[1] ?? '', status: 'failed', text })],
  [/^Created TensorFlow Lite (\S+) delegate for/, (m, text) => ({ delegate: m[1] ?? '', status: 'created', text })],
  [/^Created TensorFlow Lite delegate for (\S+?)\.?$/, (m, text) => ({ delegate: m[1] ?? '', status: 'created', text })],
  [
    /^Replacing (\d+) out of (\d+) node\(s\) with delegate \((\w+)\) node, yielding (\d+) partitions/,
    (m, text) => ({
      delegate: m[3] ?? '',
      status: 'replaced',
      nodesReplaced: Number(m[1]),
      nodesTotal: Number(m[2]),
      partitions: Number(m[4]),
      text,
    }),
  ],
];

export function parseDelegateLine(text: string): DelegateEvent | undefined {
  const line = text.trim();
  for (const [pattern, read] of READERS) {
    const match = pattern.exec(line);
    if (match) return read(match, line);
  }
  return undefined;
}
