import { useEffect, useRef, useState } from 'react';
import type { ContractError } from '../../../shared/contract';
import type { ImportSummary } from '../../../electron/core/import/import-run';
import { useApi } from '../api/api-context';
import { uploadAndImport } from '../api/upload-model';
import { useCommand } from '../api/use-command';
import { asContractError } from '../transport/api-error';
import { ErrorBox } from '../components/ErrorBox';
import { InlineCode } from '../components/InlineCode';
import { Section, SelectField, Stat } from '../components/fields';
import { formatCount } from '../format/numbers';
import type { ModelName } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { LayerTable, XnnpackDiagnosticList } from './ModelDetails';

const MODELS: { value: ModelName; label: string }[] = [
  { value: 'baseline-keepdims', label: 'Reference CNN (GAP keepdims, XNNPACK-ready)' },
  { value: 'baseline', label: 'Reference CNN (GAP without keepdims)' },
  { value: 'mobilenetv2-cifar', label: 'MobileNetV2 for 32x32 (width 0.35: residual Adds, ReLU6)' },
  { value: 'mobilenetv3s-cifar', label: 'MobileNetV3-Small for 32x32 (hard-swish, squeeze-excite, 5x5 depthwise)' },
];

export function ModelScreen({ onNext }: { onNext(): void }) {
  const { pipeline, update } = usePipeline();
  const describe = useCommand('model.describe');
  const { run } = describe;
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<ImportSummary | undefined>();
  const [importState, setImportState] = useState<{ busy: boolean; error?: ContractError }>({ busy: false });
  useEffect(() => {
    void run(imported ? { runDir: imported.out } : { model: pipeline.model });
  }, [run, pipeline.model, imported]);
  const openModel = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setImportState({ busy: true });
    try {
      setImported(await uploadAndImport(api, files));
      setImportState({ busy: false });
    } catch (error) {
      setImportState({ busy: false, error: asContractError(error) });
    }
  };
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

  return (
    <div className="screen" data-testid="screen-model">
      <Section title="Model">
        <div className="form-row">
          <SelectField
            label="Architecture"
            value={pipeline.model}
            options={MODELS}
            onChange={(value) => {
              setImported(undefined);
              update({ model: value, fixForXnnpack: false });
            }}
            testId="model-select"
          />
          <button type="button" onClick={() => fileInput.current?.click()} disabled={importState.busy} data-testid="model-open">
            {importState.busy ? 'Importing…' : 'Open model…'}
          </button>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".keras,.h5,.hdf5,.json,.bin"
            hidden
            data-testid="model-open-input"
            onChange={(e) => {
              const chosen = [...(e.target.files ?? [])];
              e.target.value = '';
              void openModel(chosen);
            }}
          />
        </div>
        <ErrorBox error={importState.error} />
        {imported ? (
          <div className="import-summary" data-testid="model-imported">
            <p>
              Imported <code>{imported.source.file}</code> ({imported.source.format}
              {imported.source.producer ? `, ${imported.source.producer}` : ''}) into <code>{imported.out}</code>: input{' '}
              {imported.model.inputShape.join(' × ')}, {imported.model.classes} classes.
            </p>
            {imported.notes.map((note, i) => (
              <p key={i} className="hint">
                {note}
              </p>
            ))}
            <p className="hint">
              Training and pruning an imported model from the wizard is not available yet: prune it with{' '}
              <InlineCode text={`sparse-studio prune --from ${imported.out} --fix --out RUN_DIR`} />.
            </p>
          </div>
        ) : null}
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
              <XnnpackDiagnosticList diagnostics={diagnostics} fixChosen={fixChosen} />
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
              {imported ? null : pipeline.fixForXnnpack ? (
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
            imported ? undefined : (
              <button type="button" className="primary" onClick={onNext} data-testid="model-next">
                Next: train
              </button>
            )
          }
        >
          <LayerTable model={model} failing={failing} fixChosen={fixChosen} />
        </Section>
      ) : null}
    </div>
  );
}
