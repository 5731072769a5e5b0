// `runs.list` answers the report module's RunListEntry[] (electron/core/report/list-runs.ts): readable runs with their
// overview, unreadable ones with their error. The History page shows both as rows.
import type { RunListEntry } from '../../../electron/core/report/list-runs';
import type { RunOverview } from '../../../electron/core/report/run-overview';
import type { RunLabels } from '../../../electron/core/runs/manifest';
import { formatPercent } from '../format/numbers';
import { appI18n } from '../i18n/app-i18n';

/**
 * `runs.list` entries; the app's handler adds each readable run's name and note from its run.json, and marks the run
 * folders opened from outside the workspace.
 */
export type LabelledRunListEntry = RunListEntry & { labels?: RunLabels; opened?: true };

/** Below this mean 1x1 sparsity no mask update happened: the pruned model equals the dense one. */
const NOTHING_PRUNED = 0.005;

const STEP_ORDER = ['train', 'prune', 'convert', 'benchmark'] as const;

/** A "Try sparse inference on a .tflite" run: its own report (whatif.report), not a dense/pruned comparison. */
export const WHATIF_KIND = 'what-if';

/**
 * What a run is: 'pipeline' for the one-command guide, else the steps it went through ("train → prune → convert"), since
 * the wizard runs every step in one folder and run.json keeps the first step's kind.
 */
export function runKind(overview: Pick<RunOverview, 'kind' | 'steps'>): string {
  if (overview.kind === 'pipeline') return 'pipeline';
  if (overview.kind === 'whatif') return WHATIF_KIND;
  const steps = STEP_ORDER.filter((name) => overview.steps.some((s) => s.name === name));
  return steps.length > 0 ? steps.join(' → ') : overview.kind;
}

export interface RunRow {
  dir: string;
  id: string;
  name: string | undefined;
  note: string | undefined;
  kind: string;
  /** Completed steps, to continue the run in the wizard at the right place. */
  completedSteps: string[];
  status: string;
  createdAt: string | undefined;
  summary: string;
  error: string | undefined;
  /** The error's code (its title in the catalog), for unreadable runs. */
  errorCode: string | undefined;
  /** Opened with "Open run folder…" from outside the workspace: removable from the list, not deletable here. */
  opened: boolean;
}

function baseName(dir: string): string {
  return dir.split(/[\\/]/).filter(Boolean).pop() ?? dir;
}

export function runRows(value: unknown): RunRow[] {
  const entries = Array.isArray(value)
    ? (value as LabelledRunListEntry[])
    : ((value as { runs?: LabelledRunListEntry[] } | null)?.runs ?? []);
  return entries.map((entry) => {
    if (!entry.ok)
      return {
        dir: entry.dir,
        id: baseName(entry.dir),
        name: undefined,
        note: undefined,
        kind: '—',
        completedSteps: [],
        status: 'unreadable',
        createdAt: undefined,
        summary: '',
        error: entry.error,
        errorCode: entry.code,
        opened: entry.opened === true,
      };
    const o = entry.overview;
    const t = (key: string, values: Record<string, string>): string => appI18n.t(`history.summary.${key}`, values);
    const parts = [
      o.accuracy.dense !== null ? t('dense', { value: formatPercent(o.accuracy.dense) }) : '',
      o.accuracy.pruned !== null ? t('pruned', { value: formatPercent(o.accuracy.pruned) }) : '',
      o.pointwiseSparsity !== null && o.pointwiseSparsity < NOTHING_PRUNED
        ? t('nothingPruned', { value: formatPercent(o.pointwiseSparsity) })
        : '',
      o.pointwiseSparsity !== null && o.pointwiseSparsity >= NOTHING_PRUNED
        ? t('sparsity', { value: formatPercent(o.pointwiseSparsity) })
        : '',
      ...o.speedups.map((s) =>
        s.speedup !== null
          ? t(s.synthetic ? 'speedupSynthetic' : 'speedup', { device: s.label, value: s.speedup.toFixed(2) })
          : '',
      ),
    ];
    return {
      dir: o.dir,
      id: o.id,
      name: entry.labels?.name,
      note: entry.labels?.note,
      kind: runKind(o),
      completedSteps: o.steps.filter((step) => step.status === 'completed').map((step) => step.name),
      status: o.status,
      createdAt: o.createdAt,
      summary: parts.filter(Boolean).join(' · '),
      error: undefined,
      errorCode: undefined,
      opened: entry.opened === true,
    };
  });
}
