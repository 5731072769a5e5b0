import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STEPS, stepForKey } from './steps';

/** The seven steps as a vertical tab list: click, or move with the arrow keys, Home and End. */
/** Locked steps stay reachable (they say what they need) but look locked; `lockReason` gives why. */
export function StepNav({
  current,
  active,
  onSelect,
  lockReason,
}: {
  current: number;
  active: boolean;
  onSelect(step: number): void;
  lockReason(step: number): string | undefined;
}) {
  const { t } = useTranslation();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const next = stepForKey(current, event.key);
    if (next === undefined) return;
    event.preventDefault();
    onSelect(next);
    buttons.current[next - 1]?.focus();
  };
  return (
    <div className="step-nav" role="tablist" aria-orientation="vertical" aria-label={t('app.steps')} onKeyDown={onKeyDown}>
      {STEPS.map((step) => {
        const selected = active && step.n === current;
        const lock = lockReason(step.n);
        return (
          <button
            key={step.n}
            ref={(el) => {
              buttons.current[step.n - 1] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${step.name}`}
            aria-selected={selected}
            aria-controls={`panel-${step.name}`}
            tabIndex={step.n === current ? 0 : -1}
            className={['step', selected ? 'selected' : '', lock ? 'locked' : ''].filter(Boolean).join(' ')}
            data-testid={`step-${step.n}`}
            data-locked={lock ? 'true' : undefined}
            title={lock}
            aria-description={lock}
            onClick={() => onSelect(step.n)}
          >
            <span className="step-number">{step.n}</span>
            {t(`app.step.${step.name}`)}
            {lock ? (
              <span className="step-lock" aria-hidden="true">
                locked
              </span>
            ) : null}
          </button>
        );
      })}
    </div>
  );
}
