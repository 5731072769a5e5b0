import { useTranslation } from 'react-i18next';
import type { WhatifReport } from '../../electron/core/whatif/whatif-report';
import { useFormat } from '../report-view/use-format';
import { WhatifDeviceSection } from './WhatifDeviceSection';
import { WhatifLatencyChart } from './WhatifLatencyChart';
import { WhatifNotice } from './WhatifNotice';

/**
 * The what-if report (the `whatif.report` command's answer): what was tried, latency vs sparsity per device, a
 * section per device, failures. The app shows it, and whatif.html is this same component rendered on the server.
 */
export function WhatifReportView({ report }: { report: WhatifReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const pruned = report.files.filter((x) => x.sparsity > 0);
  return (
    <article className="report whatif-report" data-testid="whatif-report" lang={f.lang}>
      <header className="report-header">
        <h1>
          {t('whatif.report.title')} <code className="value">{report.source.file}</code>
        </h1>
        <p className="muted">{f.date(report.createdAt)}</p>
      </header>
      <WhatifNotice testId="whatif-notice-report" />
      <p>{t('whatif.report.speedOnly')}</p>
      <p>
        {t(report.config.includeFc ? 'whatif.report.copiesFc' : 'whatif.report.copies', {
          n: f.count(pruned.length),
          list: pruned.map((x) => f.percent(x.sparsity, 0)).join(', '),
        })}{' '}
        {t('whatif.report.method', {
          repeat: f.count(report.config.repeat),
          runs: f.count(report.config.runs),
          threads: f.count(report.config.threads),
        })}
      </p>
      <section className="report-section keep" data-section="charts">
        <div className="chart-grid">
          {report.devices.map((d) => (
            <WhatifLatencyChart key={d.device.id} device={d} />
          ))}
        </div>
        {report.devices.length === 0 ? <p className="muted">{t('whatif.chart.empty')}</p> : null}
      </section>
      {report.devices.map((d) => (
        <WhatifDeviceSection key={d.device.id} report={report} device={d} />
      ))}
      {report.failures.length > 0 ? (
        <section className="report-section" data-testid="whatif-failures">
          <h2>{t('whatif.report.failures')}</h2>
          <ul>
            {report.failures.map((x, i) => (
              <li key={i}>
                <span className="value">
                  {x.device}: {x.code} {x.message}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted note">
        {t('whatif.report.files')} <code className="value">{report.runDir}/report/whatif.html</code>,{' '}
        <code className="value">whatif.json</code>
      </p>
    </article>
  );
}
