import type { WhatifDevice, WhatifReport } from '../../../../electron/core/whatif/whatif-report';
import { whatifLatencyChart } from '../../../../electron/core/whatif/whatif-chart';
import { describeBreakEven, describeProfileCoverage } from '../../../../electron/core/whatif/whatif-html';
import { SvgMarkup } from '../../charts/SvgMarkup';
import { Section } from '../../components/fields';
import { formatMicros, formatPercent } from '../../format/numbers';
import { WhatifNotice } from './WhatifNotice';

function DeviceTable({ report, device }: { report: WhatifReport; device: WhatifDevice }) {
  return (
    <div className="whatif-device" data-testid={`whatif-device-${device.device.id}`}>
      <h3>
        {device.device.label} {device.synthetic ? <span className="tag synthetic">synthetic (emulated phone)</span> : null}
      </h3>
      <WhatifNotice testId={`whatif-notice-${device.device.id}`} />
      <p data-testid={`whatif-break-even-${device.device.id}`}>
        Break-even sparsity: <strong>{describeBreakEven(device.breakEven)}</strong>. XNNPACK switches to sparse inference only
        above 2/3 zeros in the 1×1 weights, so latency changes in a step there.
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>1×1 weights pruned</th>
            <th>XNNPACK rules</th>
            <th>sparse inference ran</th>
            <th>median</th>
            <th>p90</th>
            <th>pruned / dense</th>
            <th>1×1 share of time</th>
            <th>runs</th>
          </tr>
        </thead>
        <tbody>
          {device.points.map((p) => {
            const file = report.files.find((f) => f.file === p.file);
            return (
              <tr key={p.file} data-testid={`whatif-row-${device.device.id}-${Math.round(p.sparsity * 100)}`}>
                <td>{formatPercent(p.sparsity, 0)}</td>
                <td>{file?.verdict.eligible ? 'eligible' : 'not eligible'}</td>
                <td title={p.sparseInference.reason}>{p.sparseInference.engaged}</td>
                <td>{formatMicros(p.medianUs)}</td>
                <td>{formatMicros(p.p90Us)}</td>
                <td>{p.ratio === null ? '–' : p.ratio.toFixed(2)}</td>
                <td>{p.pointwiseShare === null ? '–' : formatPercent(p.pointwiseShare, 0)}</td>
                <td>
                  {p.runs} ({p.repetitions} rep.)
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {device.points.some((p) => p.profile) && (
        <p className="muted small" data-testid={`whatif-profile-${device.device.id}`}>
          1×1 share from profiles of{' '}
          {device.points.map((p) => `${formatPercent(p.sparsity, 0)}: ${describeProfileCoverage(p)}`).join('; ')}; the warm-up is
          not in them.
        </p>
      )}
      <p className="muted small">{device.tool}</p>
    </div>
  );
}

/** The what-if report (the `whatif.report` command's answer): chart, a table per device, failures. */
export function WhatifResults({ report }: { report: WhatifReport }) {
  return (
    <Section title={`Would sparse inference pay off? ${report.source.file}`}>
      <div data-testid="whatif-report">
        <WhatifNotice testId="whatif-notice-report" />
        <SvgMarkup svg={whatifLatencyChart(report)} label="Median latency vs sparsity" />
        {report.devices.map((d) => (
          <DeviceTable key={d.device.id} report={report} device={d} />
        ))}
        {report.failures.length > 0 ? (
          <ul className="failures" data-testid="whatif-failures">
            {report.failures.map((f, i) => (
              <li key={i}>
                {f.device}: {f.message}
              </li>
            ))}
          </ul>
        ) : null}
        <p className="muted">
          Report files: <code>{report.runDir}/report/whatif.html</code> and <code>whatif.json</code>.
        </p>
      </div>
    </Section>
  );
}
