import { useTranslation } from 'react-i18next';
import type { ModelInfo, Report, VerdictRuleRow } from '../../electron/core/report/types';
import { Abbrev } from './Abbrev';
import { abbreviate, shortPath } from './labels';
import { useFormat } from './use-format';

function modelTitle(report: Report, m: ModelInfo, t: (k: string) => string): string {
  return report.runs.length > 1 ? m.key : t(`report.role.${m.role}`);
}

export function ModelsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="table" data-testid="report-models">
      <thead>
        <tr>
          <th>{t('report.col.model')}</th>
          <th>{t('report.col.file')}</th>
          <th className="num">{t('report.col.fileSize')}</th>
          <th className="num">{t('report.col.weightBytes')}</th>
          <th>{t('report.col.sha256')}</th>
          <th className="num">{t('report.col.accTfjs')}</th>
          <th className="num">{t('report.col.accTflite')}</th>
          <th className="num">{t('report.col.maxDiff')}</th>
          <th className="num">{t('report.col.agreement')}</th>
        </tr>
      </thead>
      <tbody>
        {report.models.map((m) => (
          <tr key={m.key}>
            <td>{modelTitle(report, m, t)}</td>
            <td>{m.file ? <Abbrev full={m.file} short={shortPath(m.file, 1)} /> : '—'}</td>
            <td className="num">{f.bytes(m.bytes)}</td>
            <td className="num">{f.bytes(m.weightBytes)}</td>
            <td>{m.sha256 ? <Abbrev full={m.sha256} short={abbreviate(m.sha256)} /> : '—'}</td>
            <td className="num">{f.percent(m.accuracyTfjs, 2)}</td>
            <td className="num">{f.percent(m.accuracyTflite, 2)}</td>
            <td className="num">{m.validation?.maxAbsDiff == null ? '—' : m.validation.maxAbsDiff.toExponential(1)}</td>
            <td className="num">{f.percent(m.validation?.agreement, 2)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SparseTensorsTable({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const rows = report.models.flatMap((m) => m.sparseTensors.map((s) => ({ model: m, tensor: s })));
  if (rows.length === 0) return <p className="muted">{t('report.models.noSparseTensors')}</p>;
  return (
    <table className="table compact" data-testid="report-sparse-tensors">
      <thead>
        <tr>
          <th>{t('report.col.model')}</th>
          <th>{t('report.col.tensor')}</th>
          <th className="num">{t('report.col.zeros')}</th>
          <th className="num">{t('report.col.bytesSaved')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ model, tensor }) => (
          <tr key={`${model.key}/${tensor.name}`}>
            <td>{modelTitle(report, model, t)}</td>
            <td className="wrap">{tensor.name}</td>
            <td className="num">{f.count(tensor.zeros)}</td>
            <td className="num">{f.bytes(tensor.bytesSaved)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The XNNPACK sparse-inference verdict as a checklist: rule, pass or fail, one line why. */
export function VerdictChecklist({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  // Rules read from older run folders have only the English line.
  const verdictReason = (r: VerdictRuleRow): string => {
    const key = r.reasonKey ? `report.verdict.reason.${r.reasonKey}` : undefined;
    return key && i18n.exists(key) ? t(key, r.reasonValues ?? {}) : r.reason;
  };
  return (
    <div className="verdict-cards">
      {report.models.map((m) => (
        <div key={m.key} className="verdict-card keep" data-testid="xnnpack-verdict">
          <h4>
            {modelTitle(report, m, t)}:{' '}
            {m.xnnpackVerdict === null ? (
              <span className="muted">{t('report.verdict.none')}</span>
            ) : m.xnnpackVerdict.eligible ? (
              <span className="pass">{t('report.verdict.eligible')}</span>
            ) : (
              <span className="fail">{t('report.verdict.notEligible')}</span>
            )}
          </h4>
          {m.xnnpackVerdict && m.xnnpackVerdict.rules.length > 0 ? (
            <table className="table compact checklist">
              <thead>
                <tr>
                  <th>{t('report.col.rule')}</th>
                  <th>{t('report.col.result')}</th>
                  <th>{t('report.col.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {m.xnnpackVerdict.rules.map((r, i) => {
                  const key = `report.verdict.rule.${r.id ?? ''}`;
                  return (
                    <tr key={i} className={r.pass ? 'pass-row' : 'fail-row'}>
                      <td>{r.id && i18n.exists(key) ? t(key) : r.title}</td>
                      <td className={r.pass ? 'pass' : 'fail'}>
                        {r.pass ? `✓ ${t('report.verdict.pass')}` : `✗ ${t('report.verdict.fail')}`}
                      </td>
                      <td className="wrap reason" title={verdictReason(r)}>
                        {verdictReason(r)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          ) : null}
        </div>
      ))}
    </div>
  );
}

export function LayersTables({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = useFormat();
  const byRun = new Map<string, ModelInfo['layers']>();
  for (const m of report.models) if (!byRun.has(m.run) || m.layers.length) byRun.set(m.run, m.layers);
  return (
    <>
      {[...byRun.entries()].map(([run, layers]) => (
        <div key={run}>
          {byRun.size > 1 ? <h4>{run}</h4> : null}
          <table className="table compact" data-testid="report-layers">
            <thead>
              <tr>
                <th>{t('report.col.weight')}</th>
                <th>{t('report.col.layer')}</th>
                <th>{t('report.col.kernel')}</th>
                <th className="num">{t('report.col.params')}</th>
                <th className="num">{t('report.col.denseSparsity')}</th>
                <th className="num">{t('report.col.prunedSparsity')}</th>
              </tr>
            </thead>
            <tbody>
              {layers.map((l) => (
                <tr key={l.weight}>
                  <td className="wrap">{l.weight}</td>
                  <td>{l.layerType}</td>
                  <td>{l.kernel}</td>
                  <td className="num">{f.count(l.params)}</td>
                  <td className="num">{f.percent(l.denseSparsity)}</td>
                  <td className="num">{f.percent(l.prunedSparsity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}
