import { useEffect } from 'react';
import { useCommand } from '../api/use-command';
import type { ModelDescription } from '../api/responses';
import { ErrorBox } from '../components/ErrorBox';
import { InlineCode } from '../components/InlineCode';
import { Section, SelectField, Stat } from '../components/fields';
import { formatCount } from '../format/numbers';
import type { ModelName } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';

const MODELS: { value: ModelName; label: string }[] = [
  { value: 'baseline-keepdims', label: 'Reference CNN (GAP keepdims, XNNPACK-ready)' },
  { value: 'baseline', label: 'Reference CNN (GAP without keepdims)' },
  { value: 'mobilenetv2-cifar', label: 'MobileNetV2 for 32x32 (width 0.35: residual Adds, ReLU6)' },
  { value: 'mobilenetv3s-cifar', label: 'MobileNetV3-Small for 32x32 (hard-swish, squeeze-excite, 5x5 depthwise)' },
];

export function ModelScreen({ onNext }: { onNext(): void }) {
  const { pipeline, update } = usePipeline();
  const describe = useCommand<'model.describe', ModelDescription>('model.describe');
  const { run } = describe;
  useEffect(() => {
    void run({ model: pipeline.model });
  }, [run, pipeline.model]);
  const model = describe.value;
  const verdict = model?.xnnpack;

  const changes = model?.fix.changes ?? [];
  // One entry per layer and message: the policy repeats its headline as the first diagnostic.
  const diagnostics = (verdict?.diagnostics ?? []).filter(
    (d, i, all) => all.findIndex((o) => o.layer === d.layer && o.message === d.message) === i,
  );
  const headline = verdict?.message && !diagnostics.some((d) => d.message === verdict.message) ? verdict.message : undefined;
  const failing = new Set(diagnostics.map((d) => d.layer).filter((l): l is string => Boolean(l)));
  const fixChosen = pipeline.fixForXnnpack;
  // The core words its fix for the CLI; on this screen the same fix is the Fix button.
  const onScreen = (fix: string): string => fix.replace(/`?check-xnnpack --fix`?/g, 'the Fix button below');

  return (
    <div className="screen" data-testid="screen-model">
      <Section title="Model">
        <div className="form-row">
          <SelectField
            label="Architecture"
            value={pipeline.model}
            options={MODELS}
            onChange={(value) => update({ model: value, fixForXnnpack: false })}
            testId="model-select"
          />
        </div>
        <ErrorBox error={describe.error} />
        {model ? (
          <div className="stats">
            <Stat label="Parameters" value={formatCount(model.parameters.total)} testId="model-parameters" />
            <Stat label="Trainable" value={formatCount(model.parameters.trainable)} />
            <Stat label="Layers" value={model.layers.length} />
            <Stat label="Multiply-adds per image" value={formatCount(model.multiplyAdds)} testId="model-macs" />
            <Stat
              label="1×1 convolutions pruned"
              value={model.layers.filter((l) => l.pruned).length}
              testId="model-pruned-count"
            />
          </div>
        ) : null}
      </Section>

      {verdict ? (
        <Section title="XNNPACK sparse inference (PruneForLatencyOnXNNPack)">
          {verdict.ok ? (
            <p className="verdict ok" data-testid="xnnpack-verdict">
              ✓ The model passes every check: its 1×1 convolutions can be pruned for XNNPACK's sparse kernels.
            </p>
          ) : (
            <div data-testid="xnnpack-verdict" className={fixChosen ? 'verdict fixed' : 'verdict bad'}>
              <p>
                {fixChosen ? '✓' : '✗'}{' '}
                {fixChosen
                  ? 'The model as designed fails the policy checks below; the chosen fix makes it pass.'
                  : 'The model fails the policy checks below.'}
              </p>
              {headline ? (
                <p>
                  <InlineCode text={headline} />
                </p>
              ) : null}
              <ul className="diagnostics">
                {diagnostics.map((d, i) => (
                  <li key={i}>
                    <strong>{d.layer ?? 'model'}</strong> <span className="tag">{d.rule}</span>
                    <div>
                      <InlineCode text={d.message} />
                    </div>
                    {fixChosen ? null : (
                      <div className="fix-text">
                        <InlineCode text={onScreen(d.fix)} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
              {changes.length > 0 ? (
                <div className="fix-plan">
                  <p>
                    The fix keeps the trained weights
                    {changes.some((c) => c.needsFineTuning) ? ' (pruning fine-tunes afterwards)' : ''}:
                  </p>
                  <ul>
                    {changes.map((c, i) => (
                      <li key={i}>
                        <code>{c.layer}</code>: <InlineCode text={c.description} />
                      </li>
                    ))}
                  </ul>
                  {model && !model.fix.passesAfterFix ? <p>Even after the fix, the model would not pass every check.</p> : null}
                </div>
              ) : null}
              {pipeline.fixForXnnpack ? (
                <p className="verdict-fixed" data-testid="fix-pending">
                  ✓ Fix chosen: it is applied to the trained model when pruning starts (step 4).
                </p>
              ) : (
                <button
                  type="button"
                  className="primary"
                  onClick={() => update({ fixForXnnpack: true })}
                  disabled={changes.length === 0}
                  data-testid="model-fix"
                >
                  Fix
                </button>
              )}
            </div>
          )}
        </Section>
      ) : null}

      {model ? (
        <Section
          title="Layers"
          actions={
            <button type="button" className="primary" onClick={onNext} data-testid="model-next">
              Next: train
            </button>
          }
        >
          <table className="table" data-testid="layer-table">
            <thead>
              <tr>
                <th>#</th>
                <th>Layer</th>
                <th>Type</th>
                {model.chain ? null : <th>Reads</th>}
                <th>Output shape</th>
                <th className="num">Parameters</th>
                <th>Pruning</th>
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
                      <span className={fixChosen ? 'tag ok' : 'tag bad'}>
                        {fixChosen ? 'fixed at pruning' : 'fails the check'}
                      </span>
                    ) : null}
                  </td>
                  <td>{layer.type}</td>
                  {model.chain ? null : (
                    <td className="layer-inputs">
                      {layer.inputs.map((input) => (input === model.inputName ? 'input' : input)).join(', ')}
                    </td>
                  )}
                  <td>{layer.outputShape?.join(' × ') ?? '—'}</td>
                  <td className="num">{formatCount(layer.parameters)}</td>
                  <td data-testid={layer.pruned ? `layer-pruned-${layer.name}` : undefined}>
                    {layer.pruned ? <span className="tag">kernel pruned to the final sparsity (step 4)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </div>
  );
}
