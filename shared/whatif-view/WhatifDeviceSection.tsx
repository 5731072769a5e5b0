import { useTranslation } from 'react-i18next';
import type { WhatifDevice, WhatifReport } from '../../electron/core/whatif/whatif-report';
import { DASH } from '../format/formatters';
import { useFormat } from '../report-view/use-format';
import { describeBreakEven, describeProfileCoverage, describeVerdict } from './describe';
import { WhatifNotice } from './WhatifNotice';
import { WhatifOpTable } from './WhatifOpTable';

/** One device of a what-if: its break-even, latency per sparsity, where the time goes, and the tool that measured it. */
export function WhatifDeviceSection({ report, device }: { report: WhatifReport; device: WhatifDevice }) {
  const { t } = useTranslation();
  const f = useFormat();
  const id = device.device.id;
  return (
    <section className="report-section whatif-device" data-testid={`whatif-device-${id}`}>
      <h2>
        <span className="value">{device.device.label}</span>{' '}
        {device.synthetic ? <span className="tag synthetic">{t('whatif.report.synthetic')}</span> : null}
      </h2>
      <WhatifNotice testId={`whatif-notice-${id}`} />
      <p data-testid={`whatif-break-even-${id}`}>
        {t('whatif.report.breakEvenLabel')} <strong>{describeBreakEven(device.breakEven, t, f)}</strong>.{' '}
        {t('whatif.report.breakEvenStep')}
      </p>
      <table className="table" data-testid={`whatif-points-${id}`}>
        <thead>
          <tr>
            <th>{t('whatif.col.sparsity')}</th>
            <th>{t('whatif.col.rules')}</th>
            <th>{t('whatif.col.engaged')}</th>
            <th className="num">{t('whatif.col.median')}</th>
            <th className="num">{t('whatif.col.p90')}</th>
            <th className="num">{t('whatif.col.ratio')}</th>
            <th className="num">{t('whatif.col.share')}</th>
            <th className="num">{t('whatif.col.runs')}</th>
          </tr>
        </thead>
        <tbody>
          {device.points.map((p) => {
            const file = report.files.find((x) => x.file === p.file);
            const verdict = file ? describeVerdict(file.verdict, t) : undefined;
            return (
              <tr key={p.file} data-testid={`whatif-row-${id}-${Math.round(p.sparsity * 100)}`}>
                <td>{f.percent(p.sparsity, 0)}</td>
                <td title={verdict?.reason}>{verdict?.text ?? DASH}</td>
                <td title={p.sparseInference.reason}>{t(`report.engaged.${p.sparseInference.engaged}`)}</td>
                <td className="num">{f.micros(p.medianUs)}</td>
                <td className="num">{f.micros(p.p90Us)}</td>
                <td className="num">{f.number(p.ratio, 2)}</td>
                <td className="num">{f.percent(p.pointwiseShare, 0)}</td>
                <td className="num">{t('whatif.col.runsValue', { runs: f.count(p.runs), reps: f.count(p.repetitions) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h3>{t('whatif.ops.title')}</h3>
      <WhatifOpTable device={device} />
      {device.points.some((p) => p.profile) ? (
        <p className="muted note" data-testid={`whatif-profile-${id}`}>
          {t('whatif.profile.list', {
            list: device.points.map((p) => `${f.percent(p.sparsity, 0)}: ${describeProfileCoverage(p, t, f)}`).join('; '),
          })}
        </p>
      ) : null}
      <p className="muted note">
        <span className="value">{device.tool}</span>
      </p>
    </section>
  );
}
