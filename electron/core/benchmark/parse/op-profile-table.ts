import type { OpProfileRow } from '../../../../shared/benchmark-result';
import { NUMBER, toNumber } from './numbers';

/** A Run Order / Top by Computation Time row. `startMs` exists only in builds up to TF 2.8 (the `[start]` column). */
export interface OpProfileTableRow extends OpProfileRow {
  startMs?: number;
  firstMs?: number;
  cdfPercent?: number;
  memKb?: number;
}

/** A `Summary by node type` row. */
export interface NodeTypeSummaryRow {
  nodeType: string;
  count: number;
  avgMs: number;
  percent: number;
  cdfPercent?: number;
  memKb?: number;
  timesCalled: number;
}

/** Column names from a header row such as `\t[node type]\t[start]\t[first]\t[avg ms]...`, lower-cased. */
export function parseTableHeader(text: string): string[] | undefined {
  if (!/\[node type\]/i.test(text)) return undefined;
  return [...text.matchAll(/\[([^\]]+)\]/g)].map((m) => (m[1] ?? '').trim().toLowerCase().replace(/\s+/g, ' '));
}

/**
 * Splits a row into one cell per column. Tabs separate the fields (each right-aligned); pasted and logcat copies may
 * have turned tabs into spaces, and then the numeric columns (the `%` ones anchor them) are found between the node
 * type and the name, both of which may contain spaces.
 */
export function splitTableRow(text: string, columns: string[]): string[] | undefined {
  if (text.includes('\t')) {
    const fields = text.split('\t').map((f) => f.trim());
    if (fields[0] === '') fields.shift();
    const hasName = columns[columns.length - 1] === 'name';
    if (hasName && fields.length > columns.length) {
      fields.splice(columns.length - 1, fields.length, fields.slice(columns.length - 1).join('\t'));
    }
    if (hasName && fields.length === columns.length - 1) fields.push('');
    return fields.length === columns.length ? fields : undefined;
  }
  const parts = columns.map((column, index) => {
    if (index === 0) return '(.+?)';
    if (column === 'name') return '(.*)';
    return column.includes('%') ? `(${NUMBER}%)` : `(${NUMBER})`;
  });
  const match = new RegExp(`^\\s*${parts.join('\\s+')}\\s*$`).exec(text);
  return match ? match.slice(1).map((cell) => (cell ?? '').trim()) : undefined;
}

function cellNumber(cells: Map<string, string>, column: string): number | undefined {
  const text = cells.get(column);
  return text === undefined ? undefined : toNumber(text.replace(/%$/, ''));
}

export function parseOpRow(text: string, columns: string[]): OpProfileTableRow | undefined {
  const fields = splitTableRow(text, columns);
  if (!fields) return undefined;
  const cells = new Map(columns.map((column, i) => [column, fields[i] ?? '']));
  const avgMs = cellNumber(cells, 'avg ms');
  const percent = cellNumber(cells, '%');
  const timesCalled = cellNumber(cells, 'times called');
  const nodeType = cells.get('node type');
  if (!nodeType || avgMs === undefined || percent === undefined || timesCalled === undefined) return undefined;
  const row: OpProfileTableRow = { nodeType, name: cells.get('name') ?? '', avgMs, percent, timesCalled };
  const optional = { startMs: 'start', firstMs: 'first', cdfPercent: 'cdf%', memKb: 'mem kb' } as const;
  for (const [key, column] of Object.entries(optional) as [keyof typeof optional, string][]) {
    const value = cellNumber(cells, column);
    if (value !== undefined) row[key] = value;
  }
  return row;
}

export function parseSummaryRow(text: string, columns: string[]): NodeTypeSummaryRow | undefined {
  const fields = splitTableRow(text, columns);
  if (!fields) return undefined;
  const cells = new Map(columns.map((column, i) => [column, fields[i] ?? '']));
  const nodeType = cells.get('node type');
  const count = cellNumber(cells, 'count');
  const avgMs = cellNumber(cells, 'avg ms');
  const percent = cellNumber(cells, 'avg %');
  const timesCalled = cellNumber(cells, 'times called');
  if (!nodeType || count === undefined || avgMs === undefined || percent === undefined || timesCalled === undefined) {
    return undefined;
  }
  const row: NodeTypeSummaryRow = { nodeType, count, avgMs, percent, timesCalled };
  const cdf = cellNumber(cells, 'cdf %');
  const mem = cellNumber(cells, 'mem kb');
  if (cdf !== undefined) row.cdfPercent = cdf;
  if (mem !== undefined) row.memKb = mem;
  return row;
}
