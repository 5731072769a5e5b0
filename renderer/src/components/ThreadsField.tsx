import { MAX_TRAIN_THREADS } from '../../../electron/core/train/types';
import type { TrainThreadsChoice } from '../state/job-configs';
import { SelectField } from './fields';

const OPTIONS = [
  { value: 'auto', label: 'Automatic (one per core)' },
  ...Array.from({ length: MAX_TRAIN_THREADS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
];

/** Worker threads of the fast CPU engine's data-parallel training (the job config's trainThreads). */
export function ThreadsField(props: {
  value: TrainThreadsChoice;
  onChange(value: TrainThreadsChoice): void;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <SelectField
      label="Training threads"
      value={String(props.value)}
      options={OPTIONS}
      onChange={(v) => props.onChange(v === 'auto' ? 'auto' : Number(v))}
      testId={props.testId}
      {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
    />
  );
}
