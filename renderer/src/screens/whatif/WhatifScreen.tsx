import { HOST_DEVICE } from '../../state/devices';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { benchmarkJobConfig, whatifJobConfig } from '../../../../shared/contract';
import { useCommand } from '../../api/use-command';
import { useDevices } from '../../api/use-devices';
import { useJob } from '../../api/use-job';
import { ErrorBox } from '../../components/ErrorBox';
import { CheckField, NumberField, Section, TextField } from '../../components/fields';
import { DEFAULT_BENCHMARK_FORM, joinPath, newRunName, type BenchmarkForm } from '../../state/job-configs';
import { usePipeline } from '../../state/pipeline-context';
import { buildWhatifConfig, parseSparsities } from '../../state/whatif-config';
import { initialWhatifProgress, reduceWhatifProgress } from '../../state/whatif-progress';
import { DevicePicker } from '../DevicePicker';
import { DeviceRunCard } from '../DeviceRunCard';
import { JobStatusLine } from '../JobStatus';
import { WhatifNotice } from '../../../../shared/whatif-view/WhatifNotice';
import { WhatifReportView } from '../../../../shared/whatif-view/WhatifReportView';
import '../../../../shared/report-view/report.css';
import { WhatifFilesTable } from './WhatifFilesTable';

const FIELDS = benchmarkJobConfig.shape;

/**
 * "Try sparse inference on a .tflite": prunes a float file's 1x1 convolutions to a few sparsities without training,
 * benchmarks the original and each copy on the chosen devices and shows latency against sparsity (the `whatif` job).
 */
export function WhatifScreen() {
  const { t } = useTranslation();
  const { pipeline } = usePipeline();
  const { devices, error: devicesError } = useDevices();
  const [model, setModel] = useState('');
  const [sparsityText, setSparsityText] = useState('0.5, 0.75, 0.9');
  const [includeFc, setIncludeFc] = useState(false);
  const [selected, setSelected] = useState<string[]>([HOST_DEVICE.id]);
  const [form, setForm] = useState<BenchmarkForm>({ ...DEFAULT_BENCHMARK_FORM, repeat: 3 });
  const [runDir, setRunDir] = useState<string | undefined>(undefined);
  const job = useJob('whatif', reduceWhatifProgress, initialWhatifProgress);
  const report = useCommand('whatif.report');
  const set = (key: 'runs' | 'warmup' | 'repeat' | 'threads') => (value: number | undefined) =>
    setForm((f) => ({ ...f, [key]: value ?? Number.NaN }));

  const chosen = selected.filter((id) => devices.some((d) => d.id === id));
  const sparsities = parseSparsities(sparsityText);
  const config = buildWhatifConfig(form, {
    model,
    out: runDir ?? '.',
    sparsities: 'values' in sparsities ? sparsities.values : [],
    includeFc,
    devices: chosen,
    adbServer: pipeline.adbServer,
  });
  const valid = whatifJobConfig.safeParse(config).success && 'values' in sparsities && model.trim() !== '';

  const start = (): void => {
    if (!valid || !pipeline.workspace) return;
    const dir = joinPath(pipeline.workspace, `whatif-${newRunName(new Date()).slice(4)}`);
    setRunDir(dir);
    report.reset();
    void job.start({ ...config, out: dir });
  };
  const { run: loadReport } = report;
  useEffect(() => {
    if (job.status === 'completed' && runDir) void loadReport({ runDir });
  }, [job.status, runDir, loadReport]);
  const label = (id: string): string => devices.find((d) => d.id === id)?.label ?? id;
  const planned = (('values' in sparsities ? sparsities.values.length : 0) + 1) * form.repeat;

  return (
    <div className="screen" data-testid="screen-whatif">
      <Section title={t('whatif.screen.title')}>
        <p>
          <Trans t={t} i18nKey="whatif.screen.intro" components={{ code: <code /> }} />
        </p>
        <WhatifNotice testId="whatif-notice-form" />
        <div className="form-row">
          <TextField
            label={t('whatif.screen.model')}
            value={model}
            onChange={setModel}
            placeholder="/path/to/model.tflite"
            testId="whatif-model"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <div className={'error' in sparsities ? 'field invalid' : 'field'}>
            <label htmlFor="whatif-sparsities">{t('whatif.screen.sparsities')}</label>
            <input
              id="whatif-sparsities"
              type="text"
              value={sparsityText}
              onChange={(e) => setSparsityText(e.target.value)}
              disabled={job.active}
              data-testid="whatif-sparsities"
              aria-invalid={'error' in sparsities ? true : undefined}
            />
            {'error' in sparsities ? (
              <small className="field-error" role="alert" data-testid="whatif-sparsities-error">
                {sparsities.error.kind === 'empty'
                  ? t('whatif.screen.sparsitiesEmpty')
                  : t('whatif.screen.sparsitiesBad', { value: sparsities.error.value })}
              </small>
            ) : (
              <small className="field-help">{t('whatif.screen.sparsitiesHelp')}</small>
            )}
          </div>
          <NumberField
            label={t('whatif.screen.runs')}
            value={form.runs}
            onChange={set('runs')}
            schema={FIELDS.runs}
            testId="whatif-runs"
            disabled={job.active}
          />
          <NumberField
            label={t('whatif.screen.warmup')}
            value={form.warmup}
            onChange={set('warmup')}
            schema={FIELDS.warmup}
            testId="whatif-warmup"
            disabled={job.active}
          />
          <NumberField
            label={t('whatif.screen.repeat')}
            value={form.repeat}
            onChange={set('repeat')}
            schema={FIELDS.repeat}
            testId="whatif-repeat"
            disabled={job.active}
          />
          <NumberField
            label={t('whatif.screen.threads')}
            value={form.threads}
            onChange={set('threads')}
            schema={FIELDS.threads}
            testId="whatif-threads"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <CheckField
            label={t('whatif.screen.includeFc')}
            checked={includeFc}
            onChange={setIncludeFc}
            testId="whatif-include-fc"
            disabled={job.active}
          />
        </div>
      </Section>
      <Section title={t('whatif.screen.devices')}>
        <ErrorBox error={devicesError} testId="whatif-devices-error" />
        <DevicePicker
          devices={devices}
          selected={chosen}
          onChange={setSelected}
          disabled={job.active}
          testIdPrefix="whatif-device"
        />
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={job.active || !valid || chosen.length === 0 || !pipeline.workspace}
            data-testid="whatif-start"
          >
            {t('whatif.screen.start')}
          </button>
          <button
            type="button"
            onClick={() => void job.cancel()}
            disabled={!job.active || !job.jobId}
            data-testid="whatif-cancel"
          >
            {t('common.cancel')}
          </button>
          <JobStatusLine status={job.status} error={job.error} name="whatif" />
        </div>
        {runDir ? (
          <p className="muted" data-testid="whatif-run-dir">
            {t('whatif.screen.runFolder')} <code>{runDir}</code>
          </p>
        ) : null}
      </Section>
      {job.progress.files.length > 0 ? (
        <Section title={t('whatif.screen.files')}>
          <WhatifNotice testId="whatif-notice-files" />
          <WhatifFilesTable files={job.progress.files} />
        </Section>
      ) : null}
      {Object.keys(job.progress.devices).length > 0 ? (
        <Section title={t('whatif.screen.progress')}>
          <WhatifNotice testId="whatif-notice-progress" />
          <div className="device-runs">
            {Object.values(job.progress.devices).map((p) => (
              <DeviceRunCard
                key={p.device}
                progress={p}
                label={label(p.device)}
                plannedRepetitions={planned}
                timedRuns={form.runs}
                finished={!job.active}
                testIdPrefix="whatif"
              />
            ))}
          </div>
        </Section>
      ) : null}
      <ErrorBox error={report.error} testId="whatif-report-error" />
      {report.value && job.status === 'completed' ? (
        <section className="card">
          <WhatifReportView report={report.value} />
        </section>
      ) : null}
    </div>
  );
}
