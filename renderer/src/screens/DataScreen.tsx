import { useState } from 'react';
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

const SOURCES: { kind: SourceKind; label: string; help: string }[] = [
  { kind: 'sample', label: 'Bundled sample', help: 'A small CIFAR-10 cut that ships with the app; works offline.' },
  {
    kind: 'cifar10',
    label: 'CIFAR-10 download',
    help: 'The official binary release (about 163 MB), downloaded once into the cache.',
  },
  {
    kind: 'path',
    label: 'Local archive or folder',
    help: 'cifar-10-binary.tar.gz, cifar-10-batches-bin/, or an image folder ROOT/{train,test}/<class>/*.png|jpg (or a .tar.gz of one).',
  },
];

/** The core words its data hints for the CLI ('sample', 'cifar10', --cache-dir); here they name the choices on screen. */
function screenWorded(error: ContractError | undefined): ContractError | undefined {
  if (!error) return error;
  switch (error.code) {
    case 'DATA_NOT_FOUND':
    case 'DATA_UNRECOGNIZED':
      return {
        ...error,
        hint: 'Choose “Bundled sample” or “CIFAR-10 download” above, or enter the path of cifar-10-binary.tar.gz, a cifar-10-batches-bin folder, or an image folder ROOT/{train,test}/<class>/*.png|jpg (or a .tar.gz of one).',
      };
    case 'DATA_DOWNLOAD_FAILED':
      return {
        ...error,
        hint: error.hint
          ?.replace(/ \(the cache folder is chosen by [^)]*\)/, '')
          .replace(
            /or pass the path of the file or of its extracted cifar-10-batches-bin folder as the data set\./,
            'or choose “Local archive or folder” above and enter the path of the file or of its extracted cifar-10-batches-bin folder.',
          ),
      };
    default:
      return error;
  }
}

const LIMIT = commandRequests['data.inspect'].shape.limit;

const PHASES = { download: 'Downloading', extract: 'Reading the archive', decode: 'Decoding images' } as const;

function progressLabel(kind: SourceKind, progress: EventPayloads['data.progress'] | undefined): string {
  if (!progress) return kind === 'cifar10' ? 'Downloading and reading CIFAR-10 (first time only)' : 'Reading images';
  return `${PHASES[progress.phase]}${progress.file ? ` ${progress.file}` : ''}`;
}

export function DataScreen({ onNext }: { onNext(): void }) {
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
      <Section title="Where the images come from">
        <fieldset className="choices">
          <legend className="visually-hidden">Data source</legend>
          {SOURCES.map((s) => (
            <label key={s.kind} className={kind === s.kind ? 'choice selected' : 'choice'}>
              <input
                type="radio"
                name="data-source"
                value={s.kind}
                checked={kind === s.kind}
                onChange={() => setKind(s.kind)}
                data-testid={`data-source-${s.kind}`}
              />
              <span className="choice-title">{s.label}</span>
              <span className="choice-help">{s.help}</span>
            </label>
          ))}
        </fieldset>
        <div className="form-row">
          {kind === 'path' ? (
            <TextField
              label="Path on this computer"
              value={path}
              onChange={setPath}
              placeholder="/home/me/datasets/cifar-10-binary.tar.gz"
              testId="data-path"
            />
          ) : null}
          <NumberField
            label="Use only the first N training images"
            value={limit}
            onChange={setLimit}
            schema={LIMIT}
            testId="data-limit"
            help="Leave empty to use all of them."
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
            {inspect.busy ? 'Loading…' : 'Load data'}
          </button>
        </div>
        {inspect.busy ? (
          <ProgressBar
            done={progress?.done ?? 0}
            total={progress?.total || undefined}
            label={progressLabel(kind, progress)}
            testId="data-progress"
          />
        ) : null}
        <ErrorBox error={screenWorded(inspect.error)} testId="data-error" />
      </Section>

      {data ? (
        <Section
          title="Data set"
          actions={
            <button type="button" className="primary" onClick={onNext} data-testid="data-next">
              Next: model
            </button>
          }
        >
          <div className="stats" data-testid="data-splits">
            <Stat label="Training" value={formatCount(data.sizes.train)} testId="split-train" />
            <Stat label="Validation" value={formatCount(data.sizes.validation)} testId="split-validation" />
            <Stat label="Test" value={formatCount(data.sizes.test)} testId="split-test" />
            <Stat label="Classes" value={data.classNames.length} />
          </div>
          <p className="muted">
            Validation is the last 10 % of the training files. Source: <code>{data.source}</code>
            {pipeline.limit !== undefined ? ` (first ${formatCount(pipeline.limit)} training images)` : ''}.
          </p>
          <div className="sample-grid" data-testid="sample-grid">
            {data.samples.map((group) => (
              <div key={group.className} className="sample-row">
                <span className="sample-class">{group.className}</span>
                <div className="sample-images">
                  {group.images.map((src, i) => (
                    <img key={i} src={src} width={48} height={48} alt={`${group.className} sample ${i + 1}`} />
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
