import { useTranslation } from 'react-i18next';
import { MAX_TRAIN_THREADS } from '../../../electron/core/train/types';
import type { TrainThreadsChoice } from '../state/job-configs';
import { SelectField } from './fields';

const COUNTS = Array.from({ length: MAX_TRAIN_THREADS }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

/** Worker threads of the fast CPU engine's data-parallel training (the job config's trainThreads). */
export function ThreadsField(props: {
  value: TrainThreadsChoice;
  onChange(value: TrainThreadsChoice): void;
  testId: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('wizard.train.threads')}
      value={String(props.value)}
      options={[{ value: 'auto', label: t('wizard.train.threadsAuto') }, ...COUNTS]}
      onChange={(v) => props.onChange(v === 'auto' ? 'auto' : Number(v))}
      testId={props.testId}
      {...(props.disabled !== undefined ? { disabled: props.disabled } : {})}
    />
  );
}
