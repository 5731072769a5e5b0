import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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

const MODELS: ModelName[] = ['baseline-keepdims', 'baseline', 'mobilenetv2-cifar', 'mobilenetv3s-cifar'];

/** The wizard's Prune step: an imported model starts there (its weights are already trained). */
const PRUNE_STEP = 4;

export function ModelScreen({ onNext, onGoto }: { onNext(): void; onGoto?(step: number): void }) {
  const { t } = useTranslation();
  const { pipeline, update, switchRun } = usePipeline();
  const describe = useCommand('model.describe');
  const { run } = describe;
  const api = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const imported = pipeline.imported;
  const [importState, setImportState] = useState<{ busy: boolean; error?: ContractError }>({ busy: false });
  useEffect(() => {
    void run(imported ? { runDir: imported.out } : { model: pipeline.model });
  }, [run, pipeline.model, imported]);
  const openModel = async (files: File[]): Promise<void> => {
    if (files.length === 0) return;
    setImportState({ busy: true });
    try {
      const summary: ImportSummary = await uploadAndImport(api, files);
      // The import is a run of its own: pruning, conversion and benchmarks continue in its folder.
      switchRun({ runDir: summary.out, imported: summary, fixForXnnpack: false });
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
      <Section title={t('wizard.model.title')}>
        <div className="form-row">
          <SelectField
            label={t('wizard.model.architecture')}
            value={pipeline.model}
            options={MODELS.map((value) => ({ value, label: t(`wizard.model.arch.${value}`) }))}
            onChange={(value) => {
              if (imported) switchRun({ model: value, fixForXnnpack: false });
              else update({ model: value, fixForXnnpack: false });
            }}
            testId="model-select"
          />
          <button type="button" onClick={() => fileInput.current?.click()} disabled={importState.busy} data-testid="model-open">
            {importState.busy ? t('wizard.model.importing') : t('wizard.model.open')}
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
              <Trans
                t={t}
                i18nKey="wizard.model.imported"
                values={{
                  file: imported.source.file,
                  format: [imported.source.format, imported.source.producer].filter(Boolean).join(', '),
                  out: imported.out,
                  shape: imported.model.inputShape.join(' × '),
                  classes: imported.model.classes,
                }}
                components={{ code: <code /> }}
              />
            </p>
            {imported.notes.map((note, i) => (
              <p key={i} className="hint">
                {note}
              </p>
            ))}
            <p className="hint">
              {t('wizard.model.importedNext')}
              {imported.model.inputShape[0] === 32 && imported.model.inputShape[1] === 32
                ? ''
                : ` ${t('wizard.model.importedResized', { shape: `${imported.model.inputShape[0]} × ${imported.model.inputShape[1]}` })}`}
            </p>
          </div>
        ) : null}
        <ErrorBox error={describe.error} />
        {model ? (
          <div className="stats">
            <Stat label={t('wizard.model.parameters')} value={formatCount(model.parameters.total)} testId="model-parameters" />
            <Stat label={t('wizard.model.trainable')} value={formatCount(model.parameters.trainable)} />
            <Stat label={t('wizard.model.layers')} value={model.layers.length} />
            <Stat label={t('wizard.model.macs')} value={formatCount(model.multiplyAdds)} testId="model-macs" />
            <Stat
              label={t('wizard.model.prunedCount')}
              value={model.layers.filter((l) => l.pruned).length}
              testId="model-pruned-count"
            />
          </div>
        ) : null}
      </Section>

      {verdict ? (
        <Section title={t('wizard.model.xnnpackTitle')}>
          {verdict.ok ? (
            <p className="verdict ok" data-testid="xnnpack-verdict">
              {t('wizard.model.passes')}
            </p>
          ) : (
            <div data-testid="xnnpack-verdict" className={fixChosen ? 'verdict fixed' : 'verdict bad'}>
              <p>
                {fixChosen ? '✓' : '✗'}{' '}
                {fixChosen
                  ? t('wizard.model.failsFixed')
                  : t('wizard.model.fails')}
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
                    {changes.some((c) => c.needsFineTuning) ? t('wizard.model.fixKeepsTuned') : t('wizard.model.fixKeepsColon')}
                  </p>
                  <ul>
                    {changes.map((c, i) => (
                      <li key={i}>
                        <code>{c.layer}</code>: <InlineCode text={c.description} />
                      </li>
                    ))}
                  </ul>
                  {model && !model.fix.passesAfterFix ? <p>{t('wizard.model.stillFails')}</p> : null}
                </div>
              ) : null}
              {pipeline.fixForXnnpack ? (
                <p className="verdict-fixed" data-testid="fix-pending">
                  {t(imported ? 'wizard.model.fixChosenImported' : 'wizard.model.fixChosen')}
                </p>
              ) : (
                <button
                  type="button"
                  className="primary"
                  onClick={() => update({ fixForXnnpack: true })}
                  disabled={changes.length === 0}
                  data-testid="model-fix"
                >
                  {t('wizard.model.fix')}
                </button>
              )}
            </div>
          )}
        </Section>
      ) : null}

      {model ? (
        <Section
          title={t('wizard.model.layers')}
          actions={
            imported ? (
              <button type="button" className="primary" onClick={() => onGoto?.(PRUNE_STEP)} data-testid="model-next-prune">
                {t('wizard.next.prune')}
              </button>
            ) : (
              <button type="button" className="primary" onClick={onNext} data-testid="model-next">
                {t('wizard.next.train')}
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
