import { HOST_DEVICE } from '../state/devices';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { benchmarkJobConfig } from '../../../shared/contract';
import { useDevices } from '../api/use-devices';
import { useJob } from '../api/use-job';
import { ErrorBox } from '../components/ErrorBox';
import { CheckField, NumberField, Section, SelectField, TextField } from '../components/fields';
import { reduceBenchmarkProgress, type BenchmarkProgress } from '../state/benchmark-progress';
import { buildBenchmarkConfig, DEFAULT_BENCHMARK_FORM, type BenchmarkForm } from '../state/job-configs';
import { usePipeline } from '../state/pipeline-context';
import { DevicePicker } from './DevicePicker';
import { DeviceRunCard } from './DeviceRunCard';
import { JobStatusLine } from './JobStatus';
import { BenchmarkSummary } from './BenchmarkSummary';
import { useRunScoped } from '../state/use-run-scoped';

const FIELDS = benchmarkJobConfig.shape;

const XNNPACK = ['true', 'false', 'default'] as const;

export function BenchmarkScreen({ onNext }: { onNext(): void }) {
  const { t } = useTranslation();
  const { pipeline } = usePipeline();
  const { devices, error: devicesError } = useDevices();
  const [selected, setSelected] = useState<string[]>([HOST_DEVICE.id]);
  const [form, setForm] = useState<BenchmarkForm>(DEFAULT_BENCHMARK_FORM);
  const job = useJob<'benchmark', BenchmarkProgress>('benchmark', reduceBenchmarkProgress, () => ({}));
  const set =
    (key: 'runs' | 'warmup' | 'repeat' | 'threads' | 'cooldownSeconds' | 'timeoutSeconds') => (value: number | undefined) =>
      setForm((f) => ({ ...f, [key]: value ?? Number.NaN }));
  const runDir = pipeline.runDir;
  const models = pipeline.tfliteFiles;
  useRunScoped(job.reset, models.length > 0);
  const chosen = selected.filter((id) => devices.some((d) => d.id === id));
  const config = buildBenchmarkConfig(form, { runDir: runDir ?? '.', devices: chosen, adbServer: pipeline.adbServer });
  const valid = benchmarkJobConfig.safeParse(config).success;

  const start = (): void => {
    if (!runDir || !valid) return;
    void job.start(config);
  };
  const label = (id: string): string => devices.find((d) => d.id === id)?.label ?? id;

  return (
    <div className="screen" data-testid="screen-benchmark">
      <Section title={t('wizard.bench.devices')}>
        <ErrorBox error={devicesError} testId="devices-error" />
        <DevicePicker devices={devices} selected={chosen} onChange={setSelected} disabled={job.active} />
      </Section>
      <Section title={t('wizard.bench.settings')}>
        <div className="form-row">
          <NumberField
            label={t('wizard.bench.runs')}
            value={form.runs}
            onChange={set('runs')}
            schema={FIELDS.runs}
            testId="bench-runs"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.bench.warmup')}
            value={form.warmup}
            onChange={set('warmup')}
            schema={FIELDS.warmup}
            testId="bench-warmup"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.bench.repeat')}
            value={form.repeat}
            onChange={set('repeat')}
            schema={FIELDS.repeat}
            testId="bench-repeat"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.bench.threads')}
            value={form.threads}
            onChange={set('threads')}
            schema={FIELDS.threads}
            testId="bench-threads"
            disabled={job.active}
          />
          <SelectField
            label="XNNPACK"
            value={form.xnnpack}
            options={XNNPACK.map((value) => ({ value, label: t(`wizard.bench.xnnpack.${value}`) }))}
            onChange={(v) => setForm((f) => ({ ...f, xnnpack: v }))}
            testId="bench-xnnpack"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.bench.cooldown')}
            value={form.cooldownSeconds}
            onChange={set('cooldownSeconds')}
            schema={FIELDS.cooldownSeconds}
            testId="bench-cooldown"
            disabled={job.active}
          />
          <NumberField
            label={t('wizard.bench.timeout')}
            value={form.timeoutSeconds}
            onChange={set('timeoutSeconds')}
            schema={FIELDS.timeoutSeconds}
            testId="bench-timeout"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <TextField
            label={t('wizard.bench.binary')}
            value={form.binary}
            onChange={(v) => setForm((f) => ({ ...f, binary: v }))}
            placeholder="/path/to/android_aarch64_benchmark_model"
            testId="bench-binary"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <CheckField
            label={t('wizard.bench.opProfiling')}
            checked={form.opProfiling}
            onChange={(v) => setForm((f) => ({ ...f, opProfiling: v }))}
            testId="bench-op-profiling"
            disabled={job.active}
          />
          <CheckField
            label={t('wizard.bench.bigCores')}
            checked={form.bigCores}
            onChange={(v) => setForm((f) => ({ ...f, bigCores: v }))}
            testId="bench-big-cores"
            disabled={job.active}
          />
        </div>
        <p className="muted">
          {t('wizard.bench.models')}{' '}
          {models.length > 0
            ? models.map((m) => <code key={m}>{m.split(/[\\/]/).pop()} </code>)
            : t('wizard.bench.modelsDefault')}
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={job.active || !runDir || chosen.length === 0 || !valid}
            data-testid="bench-start"
          >
            {t('wizard.bench.start')}
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="bench-cancel">
            {t('wizard.job.cancel')}
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="bench"
            keptNote={t('wizard.bench.cancelled')}
          />
        </div>
      </Section>
      {Object.keys(job.progress).length > 0 ? (
        <Section
          title={t('wizard.bench.progress')}
          actions={
            job.status === 'completed' || job.status === 'failed' ? (
              <button type="button" className="primary" onClick={onNext} data-testid="bench-next">
                {t('wizard.next.report')}
              </button>
            ) : null
          }
        >
          <div className="device-runs">
            {Object.values(job.progress).map((p) => (
              <DeviceRunCard
                key={p.device}
                progress={p}
                label={label(p.device)}
                plannedRepetitions={(models.length || 2) * form.repeat}
                timedRuns={form.runs}
                finished={!job.active}
              />
            ))}
          </div>
        </Section>
      ) : null}
      {job.status === 'completed' || job.status === 'failed' || job.status === 'cancelled' ? (
        <BenchmarkSummary progress={job.progress} label={label} />
      ) : null}
    </div>
  );
}
