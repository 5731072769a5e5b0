import { HOST_DEVICE } from '../state/devices';
import { useState } from 'react';
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

const XNNPACK = [
  { value: 'true', label: 'On' },
  { value: 'false', label: 'Off' },
  { value: 'default', label: 'Tool default' },
] as const;

export function BenchmarkScreen({ onNext }: { onNext(): void }) {
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
      <Section title="Devices">
        <ErrorBox error={devicesError} testId="devices-error" />
        <DevicePicker devices={devices} selected={chosen} onChange={setSelected} disabled={job.active} />
      </Section>
      <Section title="Settings">
        <div className="form-row">
          <NumberField
            label="Timed runs per repetition"
            value={form.runs}
            onChange={set('runs')}
            schema={FIELDS.runs}
            testId="bench-runs"
            disabled={job.active}
          />
          <NumberField
            label="Warm-up runs"
            value={form.warmup}
            onChange={set('warmup')}
            schema={FIELDS.warmup}
            testId="bench-warmup"
            disabled={job.active}
          />
          <NumberField
            label="Repetitions (A B A B …)"
            value={form.repeat}
            onChange={set('repeat')}
            schema={FIELDS.repeat}
            testId="bench-repeat"
            disabled={job.active}
          />
          <NumberField
            label="Threads"
            value={form.threads}
            onChange={set('threads')}
            schema={FIELDS.threads}
            testId="bench-threads"
            disabled={job.active}
          />
          <SelectField
            label="XNNPACK"
            value={form.xnnpack}
            options={XNNPACK}
            onChange={(v) => setForm((f) => ({ ...f, xnnpack: v }))}
            testId="bench-xnnpack"
            disabled={job.active}
          />
          <NumberField
            label="Cool-down between runs (s)"
            value={form.cooldownSeconds}
            onChange={set('cooldownSeconds')}
            schema={FIELDS.cooldownSeconds}
            testId="bench-cooldown"
            disabled={job.active}
          />
          <NumberField
            label="Timeout per run (s)"
            value={form.timeoutSeconds}
            onChange={set('timeoutSeconds')}
            schema={FIELDS.timeoutSeconds}
            testId="bench-timeout"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <TextField
            label="benchmark_model for phones (empty: download the official build once)"
            value={form.binary}
            onChange={(v) => setForm((f) => ({ ...f, binary: v }))}
            placeholder="/path/to/android_aarch64_benchmark_model"
            testId="bench-binary"
            disabled={job.active}
          />
        </div>
        <div className="form-row">
          <CheckField
            label="Op profiling (per-operator times)"
            checked={form.opProfiling}
            onChange={(v) => setForm((f) => ({ ...f, opProfiling: v }))}
            testId="bench-op-profiling"
            disabled={job.active}
          />
          <CheckField
            label="Pin to big cores (phones)"
            checked={form.bigCores}
            onChange={(v) => setForm((f) => ({ ...f, bigCores: v }))}
            testId="bench-big-cores"
            disabled={job.active}
          />
        </div>
        <p className="muted">
          Models:{' '}
          {models.length > 0
            ? models.map((m) => <code key={m}>{m.split(/[\\/]/).pop()} </code>)
            : "the run's converted dense and pruned files."}
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            onClick={start}
            disabled={job.active || !runDir || chosen.length === 0 || !valid}
            data-testid="bench-start"
          >
            Run benchmark
          </button>
          <button type="button" onClick={() => void job.cancel()} disabled={!job.active || !job.jobId} data-testid="bench-cancel">
            Cancel
          </button>
          <JobStatusLine
            status={job.status}
            error={job.error}
            name="bench"
            keptNote="You cancelled the benchmark. Repetitions that had finished are kept in the run folder; the rest were not measured."
          />
        </div>
      </Section>
      {Object.keys(job.progress).length > 0 ? (
        <Section
          title="Progress per device"
          actions={
            job.status === 'completed' || job.status === 'failed' ? (
              <button type="button" className="primary" onClick={onNext} data-testid="bench-next">
                Next: report
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
