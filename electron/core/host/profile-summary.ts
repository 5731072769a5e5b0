import type { OpProfileRow } from '../../../shared/benchmark-result';

/** A profile row with the time of the op's first call (the summary's `[first]` column). */
export interface SummaryRow extends OpProfileRow {
  firstMs: number;
}

export interface ProfileSections<Row extends OpProfileRow = SummaryRow> {
  /** TFLite nodes ("Run Order" of the first part): e.g. TfLiteXNNPackDelegate, CONV_2D. */
  nodes: Row[];
  /** XNNPACK operators inside the delegate ("Delegate internal:" part), e.g. "Convolution (NCHW, F32) SPMM". */
  delegateOps: Row[];
}

function parseRunOrder(lines: string[]): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const start = lines.findIndex((l) => l.includes('= Run Order ='));
  if (start < 0) return rows;
  for (const line of lines.slice(start + 2)) {
    const cells = line
      .split('\t')
      .map((c) => c.trim())
      .filter((c, i) => i > 0 || c !== '');
    if (cells.length < 8 || !/^[\d.]+$/.test(cells[1] ?? '')) break;
    const [nodeType, first, avg, percent, , , times, ...name] = cells;
    rows.push({
      nodeType: nodeType!,
      name: name.join('\t').replace(/:\d+$/, ''),
      firstMs: Number(first),
      avgMs: Number(avg),
      percent: Number(percent!.replace('%', '')),
      timesCalled: Number(times),
    });
  }
  return rows;
}

/**
 * Parses the TFLite profiler summary (the text benchmark_model prints with --enable_op_profiling, and the WASM
 * runner's GetProfilingSummary): one table for the interpreter's nodes, one for the delegate's operators.
 */
export function parseProfileSummary(text: string): ProfileSections {
  const marker = text.indexOf('Delegate internal:');
  const main = (marker < 0 ? text : text.slice(0, marker)).split('\n');
  const delegate = marker < 0 ? [] : text.slice(marker).split('\n');
  return { nodes: parseRunOrder(main), delegateOps: parseRunOrder(delegate) };
}

/** XNNPACK operator names that only appear when sparse (NCHW) inference runs. */
export function sparseOperatorNames(names: string[]): string[] {
  return names.filter((n) => /\(NCHW|\(NCW|SPMM|HWC2CHW/.test(n));
}
