import type { Report } from '../../api/responses';
import { formatBytes, formatMicros, formatNumber, formatPercent } from '../../format/numbers';

function deviceLabel(report: Report, id: string): string {
  return report.devices.find((d) => d.id === id)?.label ?? id;
}

export function ModelsTable({ report }: { report: Report }) {
  return (
    <table className="table" data-testid="report-models">
      <thead>
        <tr>
          <th>Model</th>
          <th className="num">File</th>
          <th className="num">Weights</th>
          <th className="num">Accuracy TF.js</th>
          <th className="num">Accuracy TFLite</th>
          <th className="num">Max |Δ logit|</th>
          <th>XNNPACK sparse</th>
        </tr>
      </thead>
      <tbody>
        {report.models.map((m) => (
          <tr key={m.key}>
            <td>{m.key}</td>
            <td className="num">{formatBytes(m.bytes)}</td>
            <td className="num">{formatBytes(m.weightBytes)}</td>
            <td className="num">{formatPercent(m.accuracyTfjs)}</td>
            <td className="num">{formatPercent(m.accuracyTflite)}</td>
            <td className="num">{formatNumber(m.validation?.maxAbsDiff)}</td>
            <td title={m.xnnpackVerdict?.reasons.join('\n')}>
              {m.xnnpackVerdict ? (m.xnnpackVerdict.eligible ? 'eligible' : 'not eligible') : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LatencyTable({ report }: { report: Report }) {
  return (
    <table className="table" data-testid="report-latency">
      <thead>
        <tr>
          <th>Device</th>
          <th>Model</th>
          <th className="num">Runs</th>
          <th className="num">Average</th>
          <th className="num">Median</th>
          <th className="num">Min</th>
          <th className="num">Max</th>
          <th className="num">Std</th>
          <th className="num">p90</th>
          <th className="num">Init</th>
          <th>Sparse inference</th>
        </tr>
      </thead>
      <tbody>
        {report.benchmarks.map((b) => (
          <tr key={`${b.device}/${b.model}`} className={b.synthetic ? 'synthetic-row' : undefined}>
            <td>
              {deviceLabel(report, b.device)} {b.synthetic ? <span className="tag synthetic">synthetic</span> : null}
            </td>
            <td>{b.model}</td>
            <td className="num">{b.latency.count}</td>
            <td className="num">{formatMicros(b.latency.avg)}</td>
            <td className="num">{formatMicros(b.latency.median)}</td>
            <td className="num">{formatMicros(b.latency.min)}</td>
            <td className="num">{formatMicros(b.latency.max)}</td>
            <td className="num">{formatMicros(b.latency.std)}</td>
            <td className="num">{formatMicros(b.latency.p90)}</td>
            <td className="num">{formatMicros(b.initUs.avg)}</td>
            <td title={b.sparseInference.reason}>{b.sparseInference.engaged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SpeedupTable({ report }: { report: Report }) {
  return (
    <table className="table" data-testid="report-speedups">
      <thead>
        <tr>
          <th>Device</th>
          <th>Run</th>
          <th className="num">Speed-up</th>
          <th className="num">Confidence interval</th>
          <th>Note</th>
        </tr>
      </thead>
      <tbody>
        {report.speedups.map((s) => (
          <tr key={`${s.device}/${s.run}`}>
            <td>
              {deviceLabel(report, s.device)} {s.synthetic ? <span className="tag synthetic">synthetic</span> : null}
            </td>
            <td>{s.run}</td>
            <td className="num">{s.speedup === null ? '—' : `${s.speedup.toFixed(2)}×`}</td>
            <td className="num">
              {s.ci ? `${s.ci.low.toFixed(2)} – ${s.ci.high.toFixed(2)} (${Math.round(s.ci.level * 100)} %)` : '—'}
            </td>
            <td className="muted">{s.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function OpComparisonTables({ report }: { report: Report }) {
  const several = report.runs.length > 1;
  return (
    <>
      {report.opComparisons.map((c) => (
        <div key={`${c.device}/${c.run}`}>
          <h3 data-testid={`op-table-${c.run}`}>
            {several
              ? `Per-op time of run ${c.run} on ${deviceLabel(report, c.device)}`
              : `Per-op time on ${deviceLabel(report, c.device)}`}{' '}
            {c.synthetic ? <span className="tag synthetic">synthetic</span> : null}
          </h3>
          <p className="muted">
            Share of time in 1×1 convolutions: dense {formatPercent(c.densePointwiseShare)}, pruned{' '}
            {formatPercent(c.prunedPointwiseShare)}
          </p>
          <table className="table compact">
            <thead>
              <tr>
                <th>Node type</th>
                <th className="num">Dense (ms)</th>
                <th className="num">Pruned (ms)</th>
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr key={r.nodeType}>
                  <td>
                    {r.nodeType} {r.pointwise ? <span className="tag">1×1</span> : null}
                  </td>
                  <td className="num">{formatNumber(r.denseMs)}</td>
                  <td className="num">{formatNumber(r.prunedMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

export function DevicesTable({ report }: { report: Report }) {
  return (
    <>
      {report.devices.map((d) => (
        <details key={d.id} className="device-facts">
          <summary>
            {d.label} <span className="muted">({d.kind === 'host' ? 'this computer' : d.id})</span>{' '}
            {d.synthetic ? <span className="tag synthetic">synthetic</span> : null}
          </summary>
          <table className="table compact">
            <tbody>
              {Object.entries(d.details).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td>{v === null ? '—' : String(v)}</td>
                </tr>
              ))}
              {d.thermal.map((t, i) => (
                <tr key={`t${i}`}>
                  <th>
                    thermal {t.model ?? ''} rep {t.repetition ?? ''}
                  </th>
                  <td>
                    before {t.before?.text ?? t.before?.status ?? '—'}{' '}
                    {t.before?.temperatureC != null ? `(${t.before.temperatureC} °C)` : ''} · after{' '}
                    {t.after?.text ?? t.after?.status ?? '—'}{' '}
                    {t.after?.temperatureC != null ? `(${t.after.temperatureC} °C)` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </>
  );
}
