import { NUMBER, toNumber } from './numbers';

export interface MemoryReport {
  /** Memory added by initialisation, MB (`init=`). */
  initMb?: number;
  /** Memory added by the whole run, MB (`overall=`). */
  overallMb?: number;
  /** Peak resident memory seen by the periodic monitor or LiteRT's `Peak memory:` line, MB. */
  peakMb?: number;
  /** Which wording the tool used: 'peak-2020' = `Peak memory footprint (MB): init= overall=` (TF 2.3 era, same
   * meaning as the later 'delta' line), 'delta' = `Memory footprint delta from the start of the tool (MB)`,
   * 'litert' = LiteRT `Init footprint:` / `Overall footprint:`. */
  label?: 'peak-2020' | 'delta' | 'litert';
  /** `Memory status at the end of exeution:` block (sic), MB. */
  endStatus?: { vmRssMb?: number; rssAnonMb?: number; rssFileShmemMb?: number };
}

const INIT_OVERALL = new RegExp(
  `^(Peak memory footprint|Memory footprint delta from the start of the tool) \\(MB\\): init=(${NUMBER}) overall=(${NUMBER})`,
);
const PERIODIC_PEAK = new RegExp(`^Overall peak memory footprint \\(MB\\) via periodic monitoring: (${NUMBER})`);
const LITERT_LINE = new RegExp(`^(Init footprint|Overall footprint|Peak memory):\\s*(${NUMBER}) MB`);
const STATUS_LINE = new RegExp(`^[-+]\\s*(VmRSS|RssAnnon|RssAnon|RssFile \\+ RssShmem)\\s*:\\s*(${NUMBER})\\s*MB`);

/** Folds one line into the report; returns true when the line was a memory line. */
export function readMemoryLine(text: string, report: MemoryReport): boolean {
  const line = text.trim();
  const initOverall = INIT_OVERALL.exec(line);
  if (initOverall) {
    report.label = initOverall[1] === 'Peak memory footprint' ? 'peak-2020' : 'delta';
    setIfNumber(report, 'initMb', initOverall[2]);
    setIfNumber(report, 'overallMb', initOverall[3]);
    return true;
  }
  const peak = PERIODIC_PEAK.exec(line);
  if (peak) {
    setIfNumber(report, 'peakMb', peak[1]);
    return true;
  }
  const litert = LITERT_LINE.exec(line);
  if (litert) {
    const field = litert[1] === 'Init footprint' ? 'initMb' : litert[1] === 'Overall footprint' ? 'overallMb' : 'peakMb';
    if (field !== 'peakMb') report.label = 'litert';
    setIfNumber(report, field, litert[2]);
    return true;
  }
  const status = STATUS_LINE.exec(line);
  if (status) {
    const key = status[1] === 'VmRSS' ? 'vmRssMb' : status[1]?.startsWith('RssFile') ? 'rssFileShmemMb' : 'rssAnonMb';
    const value = toNumber(status[2]);
    if (value !== undefined) report.endStatus = { ...report.endStatus, [key]: value };
    return true;
  }
  return false;
}

function setIfNumber(report: MemoryReport, key: 'initMb' | 'overallMb' | 'peakMb', text: string | undefined): void {
  const value = toNumber(text);
  if (value !== undefined) report[key] = value;
}
