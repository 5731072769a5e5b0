import { resolve } from 'node:path';
import { createFormatters } from '../../../shared/format/formatters';
import { systemLanguage } from '../../core/util/system-language';
import { listRuns } from '../../core/report/list-runs';
import { runOverview, type RunOverview } from '../../core/report/run-overview';
import { DEFAULT_WORKSPACE_TEXT, defaultWorkspace } from '../../core/report/workspace';
import { UserError } from '../../core/util/errors';
import { jsonLine, type CliCommand } from '../command';
import { stringOption } from '../options';

const f = createFormatters(systemLanguage());
const formatPercent = (v: number | null, digits = 1): string => f.percent(v, digits);

function formatSpeedup(speedup: number | null, ci: { low: number; high: number } | null): string {
  return ci ? `${f.times(speedup)} [${f.number(ci.low)}, ${f.number(ci.high)}]` : f.times(speedup);
}

function speedupText(o: RunOverview): string {
  if (o.speedups.length === 0) return f.number(null);
  return o.speedups
    .map(
      (s) =>
        `${s.label} ${formatSpeedup(s.speedup, s.ciLow !== null && s.ciHigh !== null ? { low: s.ciLow, high: s.ciHigh } : null)}${s.synthetic ? ' SYNTHETIC' : ''}`,
    )
    .join('; ');
}

export const runsListCommand: CliCommand = {
  name: 'runs list',
  summary: 'list the run folders of a workspace with status and key numbers',
  usage: `Usage: sparse-studio runs list [--workspace DIR] [--json]

Lists run folders (newest first): status (a run whose process died shows as interrupted), kind, creation time,
test accuracy dense/pruned, 1x1 sparsity and speed-up per device.
  --workspace DIR   (default: ${DEFAULT_WORKSPACE_TEXT}: where train, prune and pipeline write
                    without --out, and the app's default workspace)
  --json            one JSON object per run`,
  options: { workspace: { type: 'string' }, json: { type: 'boolean' } },
  async run(values, _positionals, io) {
    const given = stringOption(values, 'workspace');
    const workspace = resolve(given ?? defaultWorkspace());
    const entries = await listRuns(workspace);
    if (values.json === true) {
      for (const e of entries)
        jsonLine(io, e.ok ? { type: 'run', ...e.overview } : { type: 'unreadable', dir: e.dir, error: e.error });
      return 0;
    }
    if (entries.length === 0) {
      io.stdout.write(
        `No runs in ${workspace}${given === undefined ? ` (the default workspace: ${DEFAULT_WORKSPACE_TEXT})` : ''}.\n` +
          'Runs written elsewhere with --out: `runs list --workspace DIR` lists the run folders inside DIR.\n',
      );
      return 0;
    }
    io.stdout.write(`Runs in ${workspace}:\n`);
    for (const e of entries) {
      if (!e.ok) {
        io.stdout.write(`  ${e.dir}  UNREADABLE: ${e.error}\n`);
        continue;
      }
      const o = e.overview;
      io.stdout.write(
        `  ${o.id.padEnd(24)} ${o.status.padEnd(11)} ${o.kind.padEnd(9)} ${o.createdAt.slice(0, 19).replace('T', ' ')}  ` +
          `acc ${formatPercent(o.accuracy.dense)} -> ${formatPercent(o.accuracy.pruned)}  1x1 sparsity ${formatPercent(o.pointwiseSparsity)}  speed-up ${speedupText(o)}\n`,
      );
    }
    return 0;
  },
};

export const runsShowCommand: CliCommand = {
  name: 'runs show',
  summary: 'show one run folder: status, steps, key numbers, what is missing',
  usage: `Usage: sparse-studio runs show RUN_DIR [--json]`,
  allowPositionals: true,
  options: { json: { type: 'boolean' } },
  async run(values, positionals, io) {
    const dir = positionals[0];
    if (!dir) throw new UserError('MISSING_ARGUMENT', 'Give a run folder: runs show RUN_DIR');
    const o = await runOverview(resolve(dir));
    if (values.json === true) {
      jsonLine(io, { type: 'run', ...o });
      return 0;
    }
    io.stdout.write(
      [
        `Run:         ${o.id} (${o.kind})`,
        `Folder:      ${o.dir}`,
        `Status:      ${o.status}`,
        ...(o.error ? [`Error:       ${o.error}`] : []),
        `Created:     ${o.createdAt}   updated ${o.updatedAt}`,
        `Steps:       ${o.steps.map((s) => `${s.name} ${s.status}`).join(', ') || 'none'}`,
        ...o.steps.filter((s) => s.error).map((s) => `  ${s.name} error: ${s.error}`),
        `Accuracy:    dense ${formatPercent(o.accuracy.dense, 2)}, pruned ${formatPercent(o.accuracy.pruned, 2)} (TF.js, test split)`,
        `1x1 sparsity ${formatPercent(o.pointwiseSparsity)}`,
        `Speed-up:    ${speedupText(o)}`,
        `Missing:     ${o.missing.join(', ') || 'nothing'}`,
      ].join('\n') + '\n',
    );
    return 0;
  },
};
