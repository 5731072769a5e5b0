import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ModelDescription, XnnpackDiagnostic } from '../api/responses';
import { InlineCode } from '../components/InlineCode';
import { formatCount } from '../format/numbers';

/** The core words its fixes for the CLI; on the Model screen the same fix is the Fix button. */
const onScreen = (fix: string, t: TFunction): string => fix.replace(/`?check-xnnpack --fix`?/g, t('wizard.model.fixButton'));

/** One entry per failed check: the layer, the rule, upstream's message, the requirement and (until fixed) what to change. */
export function XnnpackDiagnosticList({ diagnostics, fixChosen }: { diagnostics: XnnpackDiagnostic[]; fixChosen: boolean }) {
  const { t } = useTranslation();
  return (
    <ul className="diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} data-testid={d.layer ? `diagnostic-${d.layer}` : undefined}>
          <strong>{d.layer ?? t('wizard.model.wholeModel')}</strong> <span className="tag">{d.rule}</span>
          <div>
            <InlineCode text={d.message} />
          </div>
          <div className="rule-text">{t('wizard.model.rule', { rule: d.requirement })}</div>
          {fixChosen ? null : (
            <div className="fix-text">
              <InlineCode text={onScreen(d.fix, t)} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The layer table; layers named by a diagnostic are highlighted, a graph's layers show what they read. */
export function LayerTable({ model, failing, fixChosen }: { model: ModelDescription; failing: Set<string>; fixChosen: boolean }) {
  const { t } = useTranslation();
  return (
    <table className="table" data-testid="layer-table">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('wizard.model.col.layer')}</th>
          <th>{t('wizard.model.col.type')}</th>
          {model.chain ? null : <th>{t('wizard.model.col.reads')}</th>}
          <th>{t('wizard.model.col.shape')}</th>
          <th className="num">{t('wizard.model.col.parameters')}</th>
          <th>{t('wizard.model.col.pruning')}</th>
        </tr>
      </thead>
      <tbody>
        {model.layers.map((layer, i) => (
          <tr
            key={layer.name}
            className={failing.has(layer.name) ? (fixChosen ? 'row-fixed' : 'row-failing') : undefined}
            data-testid={failing.has(layer.name) ? `layer-failing-${layer.name}` : undefined}
          >
            <td>{i + 1}</td>
            <td>
              <code>{layer.name}</code>{' '}
              {failing.has(layer.name) ? (
                <span className={fixChosen ? 'tag ok' : 'tag bad'}>{fixChosen ? t('wizard.model.fixedAtPruning') : t('wizard.model.failsCheck')}</span>
              ) : null}
            </td>
            <td>{layer.type}</td>
            {model.chain ? null : (
              <td className="layer-inputs">
                {layer.inputs.map((input) => (input === model.inputName ? t('wizard.model.input') : input)).join(', ')}
              </td>
            )}
            <td>{layer.outputShape?.join(' × ') ?? '—'}</td>
            <td className="num">{formatCount(layer.parameters)}</td>
            <td data-testid={layer.pruned ? `layer-pruned-${layer.name}` : undefined}>
              {layer.pruned ? <span className="tag">{t('wizard.model.kernelPruned')}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
