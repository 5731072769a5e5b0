import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { commandRequests, type ContractError, type EventPayloads } from '../../../shared/contract';
import { numberProblem } from '../forms/number-limits';
import { useCommand } from '../api/use-command';
import { useEvent } from '../api/use-event';
import { ErrorBox } from '../components/ErrorBox';
import { NumberField, Section, Stat, TextField } from '../components/fields';
import { ProgressBar } from '../components/ProgressBar';
import { formatCount } from '../format/numbers';
import { usePipeline } from '../state/pipeline-context';

type SourceKind = 'sample' | 'cifar10' | 'path';

const SOURCES: SourceKind[] = ['sample', 'cifar10', 'path'];

/** The core words its data hints for the CLI ('sample', 'cifar10', --cache-dir); here they name the choices on screen. */
function screenWorded(error: ContractError | undefined, t: TFunction): ContractError | undefined {
  if (!error) return error;
  switch (error.code) {
    case 'DATA_NOT_FOUND':
    case 'DATA_UNRECOGNIZED':
      return {
        ...error,
        hint: t('wizard.data.hintNotFound'),
      };
    case 'DATA_DOWNLOAD_FAILED':
      return {
        ...error,
        hint: error.hint
          ?.replace(/ \(the cache folder is chosen by [^)]*\)/, '')
          .replace(
            /or pass the path of the file or of its extracted cifar-10-batches-bin folder as the data set\./,
            t('wizard.data.hintDownload'),
          ),
      };
    default:
      return error;
  }
}

const LIMIT = commandRequests['data.inspect'].shape.limit;

function progressLabel(kind: SourceKind, progress: EventPayloads['data.progress'] | undefined, t: TFunction): string {
  if (!progress) return kind === 'cifar10' ? t('wizard.data.readingCifar') : t('wizard.data.reading');
  return `${t(`wizard.data.phase.${progress.phase}`)}${progress.file ? ` ${progress.file}` : ''}`;
}

export function DataScreen({ onNext }: { onNext(): void }) {
  const { t } = useTranslation();
  const { pipeline, update } = usePipeline();
  const [kind, setKind] = useState<SourceKind>('sample');
  const [path, setPath] = useState('');
  const [limit, setLimit] = useState<number | undefined>(undefined);
  const inspect = useCommand('data.inspect');
  const [progress, setProgress] = useState<EventPayloads['data.progress'] | undefined>(undefined);
  const source = kind === 'path' ? path.trim() : kind;
  useEvent('data.progress', (event) => {
    if (event.source === source) setProgress(event);
  });
  const data = inspect.value;

  const load = async (): Promise<void> => {
    setProgress(undefined);
    const value = await inspect.run({ source, samplesPerClass: 6, ...(limit !== undefined ? { limit } : {}) });
    if (value) update({ data: source, limit, trainImages: value.sizes.train, classes: value.classNames.length });
  };

  return (
    <div className="screen" data-testid="screen-data">
      <Section title={t('wizard.data.title')}>
        <fieldset className="choices">
          <legend className="visually-hidden">{t('wizard.data.legend')}</legend>
          {SOURCES.map((kindOf) => (
            <label key={kindOf} className={kind === kindOf ? 'choice selected' : 'choice'}>
              <input
                type="radio"
                name="data-source"
                value={kindOf}
                checked={kind === kindOf}
                onChange={() => setKind(kindOf)}
                data-testid={`data-source-${kindOf}`}
              />
              <span className="choice-title">{t(`wizard.data.${kindOf}.label`)}</span>
              <span className="choice-help">{t(`wizard.data.${kindOf}.help`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          {kind === 'path' ? (
            <TextField
              label={t('wizard.data.pathLabel')}
              value={path}
              onChange={setPath}
              placeholder="/home/me/datasets/cifar-10-binary.tar.gz"
              testId="data-path"
            />
          ) : null}
          <NumberField
            label={t('wizard.data.limit')}
            value={limit}
            onChange={setLimit}
            schema={LIMIT}
            testId="data-limit"
            help={t('wizard.data.limitHelp')}
          />
        </div>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={load}
            disabled={inspect.busy || source === '' || numberProblem(LIMIT, limit) !== undefined}
            data-testid="data-inspect"
          >
            {inspect.busy ? t('wizard.data.loading') : t('wizard.data.load')}
          </button>
        </div>
        {inspect.busy ? (
          <ProgressBar
            done={progress?.done ?? 0}
            total={progress?.total || undefined}
            label={progressLabel(kind, progress, t)}
            testId="data-progress"
          />
        ) : null}
        <ErrorBox error={screenWorded(inspect.error, t)} testId="data-error" />
      </Section>

      {data ? (
        <Section
          title={t('wizard.data.dataset')}
          actions={
            <button type="button" className="primary" onClick={onNext} data-testid="data-next">
              {t('wizard.next.model')}
            </button>
          }
        >
          <div className="stats" data-testid="data-splits">
            <Stat label={t('wizard.data.training')} value={formatCount(data.sizes.train)} testId="split-train" />
            <Stat label={t('wizard.data.validation')} value={formatCount(data.sizes.validation)} testId="split-validation" />
            <Stat label={t('wizard.data.test')} value={formatCount(data.sizes.test)} testId="split-test" />
            <Stat label={t('wizard.data.classes')} value={data.classNames.length} />
          </div>
          <p className="muted">
            <Trans t={t} i18nKey="wizard.data.validationNote" values={{ source: data.source }} components={{ code: <code /> }} />
            {pipeline.limit !== undefined ? t('wizard.data.firstN', { n: formatCount(pipeline.limit) }) : ''}
          </p>
          <div className="sample-grid" data-testid="sample-grid">
            {data.samples.map((group) => (
              <div key={group.className} className="sample-row">
                <span className="sample-class">{group.className}</span>
                <div className="sample-images">
                  {group.images.map((src, i) => (
                    <img key={i} src={src} width={48} height={48} alt={t('wizard.data.sampleAlt', { name: group.className, n: i + 1 })} />
                  ))}
                </div>
              </div>
            ))}
          </div>
        </Section>
      ) : null}
    </div>
  );
}
