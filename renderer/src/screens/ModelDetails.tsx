import type { ModelDescription, XnnpackDiagnostic } from '../api/responses';
import { InlineCode } from '../components/InlineCode';
import { formatCount } from '../format/numbers';

/** The core words its fixes for the CLI; on the Model screen the same fix is the Fix button. */
const onScreen = (fix: string): string => fix.replace(/`?check-xnnpack --fix`?/g, 'the Fix button below');

/** One entry per failed check: the layer, the rule, upstream's message, the requirement and (until fixed) what to change. */
export function XnnpackDiagnosticList({ diagnostics, fixChosen }: { diagnostics: XnnpackDiagnostic[]; fixChosen: boolean }) {
  return (
    <ul className="diagnostics">
      {diagnostics.map((d, i) => (
        <li key={i} data-testid={d.layer ? `diagnostic-${d.layer}` : undefined}>
          <strong>{d.layer ?? 'model'}</strong> <span className="tag">{d.rule}</span>
          <div>
            <InlineCode text={d.message} />
          </div>
          <div className="rule-text">Rule: {d.requirement}</div>
          {fixChosen ? null : (
            <div className="fix-text">
              <InlineCode text={onScreen(d.fix)} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

type LayerRow = ModelDescription['layers'][number];

/** True unless every layer reads only the layer listed before it (the first the model input). */
function isGraph(layers: LayerRow[]): boolean {
  return layers.some((layer, i) => layer.inputs.length !== 1 || (i > 0 && layer.inputs[0] !== layers[i - 1]!.name));
}

/** The layer table; layers named by a diagnostic are highlighted, a graph's layers show what they read. */
export function LayerTable({ layers, failing, fixChosen }: { layers: LayerRow[]; failing: Set<string>; fixChosen: boolean }) {
  const graph = isGraph(layers);
  return (
    <table className="table" data-testid="layer-table">
      <thead>
        <tr>
          <th>#</th>
          <th>Layer</th>
          <th>Type</th>
          {graph ? <th>Inputs</th> : null}
          <th>Output shape</th>
          <th className="num">Parameters</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((layer, i) => (
          <tr
            key={layer.name}
            className={failing.has(layer.name) ? (fixChosen ? 'row-fixed' : 'row-failing') : undefined}
            data-testid={failing.has(layer.name) ? `layer-failing-${layer.name}` : undefined}
          >
            <td>{i + 1}</td>
            <td>
              <code>{layer.name}</code>{' '}
              {failing.has(layer.name) ? (
                <span className={fixChosen ? 'tag ok' : 'tag bad'}>{fixChosen ? 'fixed at pruning' : 'fails the check'}</span>
              ) : null}
              {layer.prunedByPolicy ? <span className="tag">pruned (1×1)</span> : null}
            </td>
            <td>{layer.type}</td>
            {graph ? <td>{layer.inputs.join(', ')}</td> : null}
            <td>{layer.outputShape?.join(' × ') ?? '—'}</td>
            <td className="num">{formatCount(layer.parameters)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
