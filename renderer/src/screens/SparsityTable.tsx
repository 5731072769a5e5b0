import { useTranslation } from 'react-i18next';
import { formatPercent } from '../format/numbers';

/** Each pruned tensor's current sparsity as a bar against the target. */
export function SparsityTable({
  tensors,
  target,
}: {
  tensors: { name: string; sparsity: number }[];
  target: number | undefined;
}) {
  const { t } = useTranslation();
  if (tensors.length === 0) return <p className="muted">{t('wizard.prune.sparsityLater')}</p>;
  return (
    <table className="table" data-testid="sparsity-table">
      <thead>
        <tr>
          <th>{t('wizard.prune.col.weight')}</th>
          <th>{t('wizard.prune.col.sparsity')}</th>
          <th className="num">{t('wizard.prune.col.zeros')}</th>
        </tr>
      </thead>
      <tbody>
        {tensors.map((t) => (
          <tr key={t.name}>
            <td>
              <code>{t.name}</code>
            </td>
            <td className="bar-cell">
              <div className="meter" aria-hidden="true">
                <div className="meter-fill" style={{ width: `${(t.sparsity * 100).toFixed(1)}%` }} />
                {target !== undefined ? <div className="meter-target" style={{ left: `${(target * 100).toFixed(1)}%` }} /> : null}
              </div>
            </td>
            <td className="num">{formatPercent(t.sparsity)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
