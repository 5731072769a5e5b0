import { useTranslation } from 'react-i18next';
import type { WhatifDevice } from '../../electron/core/whatif/whatif-report';
import { DASH } from '../format/formatters';
import { useFormat } from '../report-view/use-format';

/** Time per kind of operation at each sparsity, from the per-operator profiles; the 1x1 row is the one pruning acts on. */
export function WhatifOpTable({ device }: { device: WhatifDevice }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const categories = [...new Set(device.points.flatMap((p) => p.ops.map((o) => o.category)))];
  if (categories.length === 0) return <p className="muted">{t('whatif.ops.none')}</p>;
  const pointwise = new Set(device.points.flatMap((p) => p.ops.filter((o) => o.pointwise).map((o) => o.category)));
  const categoryKey = (c: string) => `whatif.ops.category.${c}`;
  return (
    <table className="table" data-testid={`whatif-ops-${device.device.id}`}>
      <thead>
        <tr>
          <th>{t('whatif.ops.operation')}</th>
          {device.points.map((p) => (
            <th key={p.file} className="num">
              {f.percent(p.sparsity, 0)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {categories.map((c) => (
          <tr key={c}>
            {/* An operator outside the known categories keeps its TFLite name. */}
            <td className={pointwise.has(c) ? 'pointwise' : undefined}>
              {i18n.exists(categoryKey(c)) ? t(categoryKey(c)) : <code className="value">{c}</code>}
            </td>
            {device.points.map((p) => {
              const op = p.ops.find((o) => o.category === c);
              return (
                <td key={p.file} className="num">
                  {op ? `${f.micros(op.avgMs * 1000)} (${f.percent(op.share, 0)})` : DASH}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
