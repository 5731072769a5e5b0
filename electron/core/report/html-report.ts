import { latencyBarsChart } from './charts/latency-bars';
import { opProfileChart } from './charts/op-profile-bars';
import { sparsityScheduleChart } from './charts/sparsity-schedule';
import { speedupChart } from './charts/speedup-bars';
import { esc } from './charts/svg';
import { trainingCurvesChart } from './charts/training-curves';
import { latencyGroups, opProfileInputs, sparsityInputs, speedupBars, trainingInputs } from './chart-data';
import { formatBytes, formatNumber, formatPercent, formatSpeedup, formatUs } from './format';
import { formatThermal } from './thermal';
import type { BenchmarkSummary, Report } from './types';
import { CI_LEVEL } from './speedup-ci';
import { SPEEDUP_CI_DEFINITION, SPEEDUP_DEFINITION } from './speedup-definition';

// The whole report as one self-contained HTML file: inline CSS, inline SVG, no script, no external request.

const CSS = `
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:24px auto;max-width:1100px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
h3{font-size:14px;margin:18px 0 6px}
table{border-collapse:collapse;margin:6px 0 12px;font-size:11.5px;max-width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}.path{overflow-wrap:anywhere}
th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.muted{color:#777}.synthetic{background:#fff3cd;color:#7a5a00;font-weight:700;padding:0 4px;border:1px solid #b58900;border-radius:3px;font-size:11px}
.banner{background:#fff3cd;border:1px solid #b58900;padding:8px 12px;margin:12px 0;font-weight:600}
.missing{background:#fdecea;border:1px solid #e0a19a;padding:8px 12px}
.chart{margin:10px 0;overflow-x:auto}svg{max-width:100%;height:auto}
code{font-size:11px;word-break:break-all}pre{white-space:pre-wrap;overflow-wrap:anywhere}
@media print{body{margin:0;max-width:none;padding:0}table{font-size:9px}th,td{padding:2px 3px}td.num{white-space:normal}h2{break-after:avoid}.chart,table{break-inside:avoid}}
`;

type Cell = string | { html: string } | { num: string };

function table(header: string[], rows: Cell[][]): string {
  const cell = (c: Cell): string =>
    typeof c === 'string' ? `<td>${esc(c)}</td>` : 'num' in c ? `<td class="num">${esc(c.num)}</td>` : `<td>${c.html}</td>`;
  return `<div class="table-wrap"><table><thead><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map(cell).join('')}</tr>`)
    .join('')}</tbody></table></div>`;
}

/** File paths and timestamps: long unbroken text that may wrap anywhere, so wide tables still fit the page. */
const path = (text: string): Cell => ({ html: `<span class="path">${esc(text)}</span>` });
const SYNTHETIC = { html: '<span class="synthetic">SYNTHETIC</span>' };
const num = (text: string): Cell => ({ num: text });
const chart = (svg: string): string => `<div class="chart">${svg}</div>`;

function deviceLabel(report: Report, id: string): string {
  return report.devices.find((d) => d.id === id)?.label ?? id;
}

function modelLabel(report: Report, b: BenchmarkSummary): string {
  return report.runs.length > 1 ? b.model : b.role;
}

/** Latency statistics per device x model (µs). Split from the comparison table so both fit an A4 page. */
function latencyTable(report: Report): string {
  const rows = report.benchmarks.map((b): Cell[] => {
    const l = b.latency;
    return [
      deviceLabel(report, b.device),
      modelLabel(report, b),
      b.synthetic ? SYNTHETIC : 'measured',
      num(String(b.repetitions.length)),
      num(String(l.count)),
      num(formatUs(l.median)),
      num(formatUs(l.p90)),
      num(formatUs(l.avg)),
      num(formatUs(l.std)),
      num(formatUs(l.min)),
      num(formatUs(l.max)),
    ];
  });
  return table(['Device', 'Model', 'Data', 'Reps', 'Runs', 'Median', 'p90', 'Avg', 'Std', 'Min', 'Max'], rows);
}

/** Dense against pruned per device: speed-up, start-up, memory, size, accuracy, sparse path. */
function comparisonTable(report: Report): string {
  const rows = report.benchmarks.map((b): Cell[] => {
    const model = report.models.find((m) => m.key === b.model);
    const speedup = b.role === 'pruned' ? report.speedups.find((s) => s.pruned === b.model && s.device === b.device) : undefined;
    return [
      deviceLabel(report, b.device),
      modelLabel(report, b),
      num(speedup ? `${formatSpeedup(speedup.speedup, speedup.ci)}${speedup.basis === 'mean' ? ' (of averages)' : ''}` : ''),
      b.sparseInference.engaged,
      num(formatBytes(model?.bytes)),
      num(formatPercent(model?.accuracyTfjs, 2)),
      num(formatPercent(model?.accuracyTflite, 2)),
      num(formatUs(b.initUs.avg)),
      num(formatUs(b.firstInferenceUs.avg)),
      num(b.memory.peakMb === null ? '–' : `${b.memory.peakMb.toFixed(1)} MB`),
    ];
  });
  return table(
    [
      'Device',
      'Model',
      `Speed-up: dense / pruned median [${CI_LEVEL * 100} % CI]`,
      'Sparse path',
      'File',
      'Acc. TF.js',
      'Acc. .tflite',
      'Init',
      'First inference',
      'Peak memory',
    ],
    rows,
  );
}

function sourcesNote(report: Report): string {
  const fromStats = report.benchmarks.filter((b) => b.latency.source === 'repetition-stats');
  const lines = [
    'Latency statistics pool all repetitions of a model on a device.',
    fromStats.length
      ? `For ${fromStats.map((b) => `${deviceLabel(report, b.device)} ${b.role}`).join(', ')} the tool printed statistics only: avg, min, max and std are pooled exactly from each repetition's count/avg/std; median and p90 are taken over the repetition averages (or are absent for a single repetition).`
      : 'All statistics come from the per-run latencies.',
    `${SPEEDUP_DEFINITION}. ${SPEEDUP_CI_DEFINITION}.`,
  ];
  return (
    `<p class="muted">${lines.map(esc).join('<br>')}</p>` +
    report.speedups.map((s) => `<p class="muted">${esc(`${deviceLabel(report, s.device)}: ${s.note}`)}</p>`).join('')
  );
}

function modelsSection(report: Report): string {
  const rows = report.models.map((m): Cell[] => [
    path(m.key),
    path(m.file ?? '–'),
    num(formatBytes(m.bytes)),
    num(formatBytes(m.weightBytes)),
    { html: m.sha256 ? `<code>${esc(m.sha256)}</code>` : '–' },
    num(formatPercent(m.accuracyTfjs, 2)),
    num(formatPercent(m.accuracyTflite, 2)),
    num(m.validation ? `${formatNumber(m.validation.maxAbsDiff, 6)} / ${formatPercent(m.validation.agreement, 2)}` : '–'),
    m.sparseTensors.length
      ? m.sparseTensors.map((t) => `${t.name}: ${t.zeros} zeros, ${t.bytesSaved} B saved`).join('; ')
      : 'none',
    m.xnnpackVerdict
      ? `${m.xnnpackVerdict.eligible ? 'eligible' : 'not eligible'}${m.xnnpackVerdict.reasons.length ? ': ' + m.xnnpackVerdict.reasons.join('; ') : ''}`
      : '–',
  ]);
  return table(
    [
      'Model',
      'File',
      'Size',
      'Weight bytes',
      'sha256',
      'Acc. TF.js',
      'Acc. .tflite',
      'Max |diff| / agreement',
      'Sparse tensors',
      'XNNPACK sparse verdict',
    ],
    rows,
  );
}

function layersSection(report: Report): string {
  const byRun = new Map(report.models.map((m) => [m.run, m.layers]));
  return [...byRun.entries()]
    .map(
      ([run, layers]) =>
        (byRun.size > 1 ? `<h3>${esc(run)}</h3>` : '') +
        table(
          ['Weight', 'Layer', 'Kernel', 'Params', 'Dense zeros', 'Pruned zeros', 'Dense sparsity', 'Pruned sparsity'],
          layers.map((l) => [
            l.weight,
            l.layerType,
            l.kernel,
            num(String(l.params)),
            num(l.denseZeros === null ? '–' : String(l.denseZeros)),
            num(l.prunedZeros === null ? '–' : String(l.prunedZeros)),
            num(formatPercent(l.denseSparsity)),
            num(formatPercent(l.prunedSparsity)),
          ]),
        ),
    )
    .join('');
}

function opTables(report: Report): string {
  return report.opComparisons
    .map(
      (c) =>
        `<h3>${esc(deviceLabel(report, c.device))}${report.runs.length > 1 ? ' · ' + esc(c.run) : ''}${c.synthetic ? ' <span class="synthetic">SYNTHETIC</span>' : ''}</h3>` +
        table(
          ['Operation', 'Dense (ms per run)', 'Pruned (ms per run)'],
          c.rows.map((r) => [
            r.pointwise ? `★ ${r.nodeType}` : r.nodeType,
            num(formatNumber(r.denseMs, 4)),
            num(formatNumber(r.prunedMs, 4)),
          ]),
        ) +
        operatorList(report, c.device, c.run) +
        `<p>Share of time in 1x1 convolutions: dense ${formatPercent(c.densePointwiseShare)}, pruned ${formatPercent(c.prunedPointwiseShare)}. The gain from sparse 1x1 kernels is bounded by this share.</p>`,
    )
    .join('');
}

/** The exact operators (XNNPACK names or TFLite node types) behind the comparison rows. */
function operatorList(report: Report, device: string, run: string): string {
  const list = (role: 'dense' | 'pruned'): string =>
    report.benchmarks
      .find((b) => b.device === device && b.run === run && b.role === role)
      ?.opProfile.map((r) => `${r.pointwise ? '★ ' : ''}${r.nodeType} ${formatNumber(r.avgMs, 4)} ms (${formatPercent(r.share)})`)
      .join('; ') ?? '–';
  const coverage = (role: 'dense' | 'pruned'): string => {
    const b = report.benchmarks.find((x) => x.device === device && x.run === run && x.role === role);
    if (!b || b.opProfileFiles === 0) return `${role}: no profile taken`;
    const calls = b.opProfileCalls === null ? 'an unknown number of' : String(b.opProfileCalls);
    const how =
      b.opProfileSource === 'separate-run'
        ? 'a separate profiling run before the timed, unprofiled repetitions'
        : b.opProfileSource === 'these-runs'
          ? 'the profiled timed runs'
          : 'profiled runs';
    return `${role}: ${calls} inferences from ${how} (${b.opProfileFiles} of ${b.repetitions.length} repetition files)`;
  };
  return `<p class="muted">Profile covers ${esc(coverage('dense'))}; ${esc(coverage('pruned'))}.<br>Dense operators: ${esc(list('dense'))}<br>Pruned operators: ${esc(list('pruned'))}</p>`;
}

function devicesSection(report: Report): string {
  return report.devices
    .map((d) => {
      const details = table(
        ['Field', 'Value'],
        Object.entries(d.details).map(([k, v]) => [k, v === null ? '–' : String(v)]),
      );
      const thermal = d.thermal.length
        ? table(
            ['Run', 'Benchmark', 'Model', 'Rep', 'Thermal before', 'Thermal after'],
            d.thermal.map((t) => [
              t.run,
              t.benchmark ?? '–',
              t.model ?? '–',
              num(t.repetition === null ? '–' : String(t.repetition)),
              formatThermal(t.before),
              formatThermal(t.after),
            ]),
          )
        : '<p class="muted">No thermal readings recorded for this device.</p>';
      return `<h3>${esc(d.label)} <span class="muted">(${esc(d.id)}, ${d.kind})</span>${d.synthetic ? ' <span class="synthetic">SYNTHETIC: emulated phone</span>' : ''}</h3>${Object.keys(d.details).length ? details : '<p class="muted">No device details recorded.</p>'}${thermal}`;
    })
    .join('');
}

function flagsText(b: BenchmarkSummary): string {
  return Object.entries(b.flags)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(' ');
}

function toolsSection(report: Report): string {
  return table(
    ['Device', 'Model', 'Tool', 'Version', 'sha256', 'Flags', 'Sparse inference'],
    report.benchmarks.map((b) => [
      deviceLabel(report, b.device),
      path(b.model),
      b.tool.name,
      b.tool.version ?? '–',
      { html: b.tool.sha256 ? `<code>${esc(b.tool.sha256)}</code>` : '–' },
      { html: `<code>${esc(flagsText(b))}</code>` },
      `${b.sparseInference.engaged}: ${b.sparseInference.reason}`,
    ]),
  );
}

function repetitionsSection(report: Report): string {
  return table(
    [
      'Device',
      'Model',
      'Rep',
      'Data',
      'Started',
      'Runs',
      'Avg',
      'Median',
      'Min',
      'Max',
      'Std',
      'Init',
      'First inference',
      'Raw output',
    ],
    report.benchmarks.flatMap((b) =>
      b.repetitions.map((r): Cell[] => [
        deviceLabel(report, b.device),
        path(b.model),
        num(String(r.repetition)),
        r.synthetic ? SYNTHETIC : 'measured',
        path(r.startedAt),
        num(String(r.count)),
        num(formatUs(r.avg)),
        num(formatUs(r.median)),
        num(formatUs(r.min)),
        num(formatUs(r.max)),
        num(formatUs(r.std)),
        num(formatUs(r.initUs)),
        num(formatUs(r.firstInferenceUs)),
        path(r.rawOutputFile ?? r.file),
      ]),
    ),
  );
}

function runsSection(report: Report): string {
  return report.runs
    .map(
      (run) =>
        `<h3>${esc(run.id)} <span class="muted">${esc(run.kind)}, ${esc(run.status)}, created ${esc(run.createdAt)}</span></h3><p class="muted">${esc(run.dir)}</p>` +
        (run.dataset
          ? `<p>Data: ${esc(run.dataset.source)} (${run.dataset.train ?? '–'} train / ${run.dataset.validation ?? '–'} validation / ${run.dataset.test ?? '–'} test), fingerprint <code>${esc(run.dataset.fingerprint ?? '–')}</code></p>`
          : '') +
        table(
          ['Step', 'Status', 'Started', 'Ended', 'Error'],
          run.steps.map((s) => [s.name, s.status, path(s.startedAt), path(s.endedAt ?? '–'), s.error ?? '']),
        ) +
        `<details><summary>Configuration and environment</summary><pre>${esc(JSON.stringify({ config: run.config, environment: run.environment }, null, 2))}</pre></details>`,
    )
    .join('');
}

function missingSection(report: Report): string {
  if (report.missing.length === 0) return '';
  return `<div class="missing"><strong>Not in this report</strong> (missing or unreadable in the run folder):<ul>${report.missing
    .map((m) => `<li><code>${esc(m.run)}/${esc(m.item)}</code>: ${esc(m.detail)}</li>`)
    .join('')}</ul></div>`;
}

export function renderHtmlReport(report: Report): string {
  const title = `Sparse Studio report — ${report.runs.map((r) => r.id).join(', ')}`;
  const body = [
    `<h1>${esc(title)}</h1>`,
    `<p class="muted">Generated ${esc(report.generatedAt)} by sparse-studio ${esc(report.generator.version ?? '')} · report schema v${report.schemaVersion}</p>`,
    report.synthetic
      ? '<div class="banner">This report contains SYNTHETIC numbers from an emulated phone (marked SYNTHETIC and hatched). They are not measurements of real hardware.</div>'
      : '',
    missingSection(report),
    '<h2>Summary</h2>',
    '<h3>Dense against pruned</h3>',
    comparisonTable(report),
    '<h3>Latency (µs)</h3>',
    latencyTable(report),
    sourcesNote(report),
    chart(latencyBarsChart(latencyGroups(report))),
    chart(speedupChart(speedupBars(report))),
    '<h2>Models</h2>',
    modelsSection(report),
    '<h3>Per-layer sparsity (exact zeros in the TF.js weights)</h3>',
    layersSection(report),
    '<h2>Training and pruning</h2>',
    ...(trainingInputs(report).length
      ? trainingInputs(report).map((t) => chart(trainingCurvesChart(t)))
      : [chart(trainingCurvesChart({ label: 'no run', dense: [], pruning: [] }))]),
    ...(sparsityInputs(report).length
      ? sparsityInputs(report).map((s) => chart(sparsityScheduleChart(s)))
      : [chart(sparsityScheduleChart({ label: 'no pruning', schedule: null, targets: [], tensors: [] }))]),
    '<h2>Where the time goes: per-op profile</h2>',
    ...(opProfileInputs(report).length
      ? opProfileInputs(report).map((o) => chart(opProfileChart(o)))
      : [
          chart(
            opProfileChart({ label: 'none', synthetic: false, rows: [], densePointwiseShare: null, prunedPointwiseShare: null }),
          ),
        ]),
    opTables(report),
    '<h2>Devices</h2>',
    devicesSection(report),
    '<h2>Benchmark tools and flags</h2>',
    toolsSection(report),
    '<h2>Repetitions</h2>',
    repetitionsSection(report),
    '<h2>Runs</h2>',
    runsSection(report),
  ].join('\n');
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><title>${esc(title)}</title><style>${CSS}</style></head><body>\n${body}\n</body></html>\n`;
}
