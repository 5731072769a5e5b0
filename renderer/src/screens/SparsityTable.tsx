import { formatPercent } from '../format/numbers';

/** Each pruned tensor's current sparsity as a bar against the target. */
export function SparsityTable({
  tensors,
  target,
}: {
  tensors: { name: string; sparsity: number }[];
  target: number | undefined;
}) {
  if (tensors.length === 0) return <p className="muted">Per-layer sparsity appears after the first fine-tuning epoch.</p>;
  return (
    <table className="table" data-testid="sparsity-table">
      <thead>
        <tr>
          <th>Pruned weight</th>
          <th>Sparsity</th>
          <th className="num">Zeros</th>
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
