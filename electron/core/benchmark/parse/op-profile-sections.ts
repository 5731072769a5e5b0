import { parseStatLine, type StatLine } from './stat-line';
import {
  parseOpRow,
  parseSummaryRow,
  parseTableHeader,
  type NodeTypeSummaryRow,
  type OpProfileTableRow,
} from './op-profile-table';

/** One profile printed by `--enable_op_profiling=true`: for one phase, and (multi-subgraph models) one graph. */
export interface OpProfileSection {
  phase: 'initialization' | 'regular' | 'unknown';
  /** `Primary graph (name: X) profile:` / `Subgraph (index: i, name: X) profile:`. */
  graph?: { index?: number; name: string };
  /** True for a `Delegate internal:` profile (operators inside a delegate, e.g. XNNPACK's own operators). */
  delegateInternal?: boolean;
  runOrder: OpProfileTableRow[];
  topByComputation: OpProfileTableRow[];
  summaryByNodeType: NodeTypeSummaryRow[];
  nodesExecuted?: number;
  /** `Timings (microseconds): count=...` under the tables: time inside profiled ops, not the benchmark latency. */
  timings?: StatLine;
  nodesObserved?: number;
}

type TableKind = 'runOrder' | 'topByComputation' | 'summaryByNodeType' | 'other';

const TABLE_TITLES: Record<string, TableKind> = {
  'run order': 'runOrder',
  'top by computation time': 'topByComputation',
  'summary by node type': 'summaryByNodeType',
};

/** Reads profiling tables line by line; `read` returns true when it used the line. */
export class OpProfileReader {
  readonly sections: OpProfileSection[] = [];
  #section: OpProfileSection | undefined;
  #phase: OpProfileSection['phase'] = 'unknown';
  #table: TableKind | undefined;
  #columns: string[] | undefined;

  read(text: string): boolean {
    const line = text.trim();
    if (line === 'Profiling Info for Benchmark Initialization:') return this.#start('initialization');
    if (line === 'Operator-wise Profiling Info for Regular Benchmark Runs:') return this.#start('regular');
    const graph = /^(?:Primary graph|Subgraph) \((?:index: (\d+), )?name: (.*)\) profile:$/.exec(line);
    if (graph) {
      this.#freshSection();
      this.#current().graph =
        graph[1] === undefined ? { name: graph[2] ?? '' } : { index: Number(graph[1]), name: graph[2] ?? '' };
      return true;
    }
    if (line === 'Delegate internal:') {
      this.#freshSection();
      this.#current().delegateInternal = true;
      return true;
    }
    const banner = /^={10,} (.+?) ={10,}$/.exec(line);
    if (banner?.[1] && banner[1] !== 'BENCHMARK RESULTS') {
      this.#table = TABLE_TITLES[banner[1].toLowerCase()] ?? 'other';
      this.#columns = undefined;
      this.#current();
      return true;
    }
    const bare = this.#table ? undefined : parseTableHeader(text);
    if (bare) return this.#startBareTable(bare);
    if (!this.#section) return false;
    return this.#readInSection(text, line);
  }

  /**
   * A table header without its `=== title ===` banner (an excerpt pasted from a bug report or a forum): the columns
   * say which table it is (only `Summary by node type` has a count column; the other two have the same columns).
   */
  #startBareTable(columns: string[]): boolean {
    this.#current();
    this.#table = columns.includes('count') && !columns.includes('name') ? 'summaryByNodeType' : 'runOrder';
    this.#columns = columns;
    return true;
  }

  #readInSection(text: string, line: string): boolean {
    const section = this.#current();
    if (line === '') {
      this.#table = undefined;
      return false;
    }
    const header = this.#table ? parseTableHeader(text) : undefined;
    if (header) {
      this.#columns = header;
      return true;
    }
    if (this.#table && this.#columns) {
      if (this.#table === 'other') return true;
      if (this.#table === 'summaryByNodeType') {
        const row = parseSummaryRow(text, this.#columns);
        if (row) section.summaryByNodeType.push(row);
        if (row) return true;
      } else {
        const row = parseOpRow(text, this.#columns);
        if (row) section[this.#table].push(row);
        if (row) return true;
      }
    }
    return this.#readFooter(line, section);
  }

  #readFooter(line: string, section: OpProfileSection): boolean {
    const executed = /^Number of nodes executed: (\d+)$/.exec(line);
    if (executed) section.nodesExecuted = Number(executed[1]);
    const timings = /^Timings \(microseconds\): (.*)$/.exec(line);
    const stat = timings ? parseStatLine(timings[1] ?? '') : undefined;
    if (stat) section.timings = stat;
    const observed = /^(\d+) nodes observed$/.exec(line);
    if (observed) section.nodesObserved = Number(observed[1]);
    return Boolean(executed || stat || observed || /^Memory \(bytes\): count=/.test(line));
  }

  #start(phase: OpProfileSection['phase']): boolean {
    this.#phase = phase;
    this.#newSection();
    return true;
  }

  #newSection(): void {
    this.#section = { phase: this.#phase, runOrder: [], topByComputation: [], summaryByNodeType: [] };
    this.sections.push(this.#section);
    this.#table = undefined;
    this.#columns = undefined;
  }

  /** A graph or delegate heading right after a phase heading names that phase's (still empty) section. */
  #freshSection(): void {
    const s = this.#section;
    const empty =
      s &&
      !s.graph &&
      !s.delegateInternal &&
      s.runOrder.length + s.topByComputation.length + s.summaryByNodeType.length === 0 &&
      s.timings === undefined;
    if (!empty) this.#newSection();
  }

  #current(): OpProfileSection {
    if (!this.#section) this.#newSection();
    return this.#section as OpProfileSection;
  }
}
