/** A determinate bar when the total is known, an indeterminate one otherwise. */
export function ProgressBar({
  done,
  total,
  label,
  testId,
}: {
  done: number;
  total: number | undefined;
  label: string;
  testId?: string;
}) {
  const fraction = total ? Math.min(1, done / total) : undefined;
  return (
    <div className="progress" data-testid={testId}>
      <div
        className={fraction === undefined ? 'progress-track indeterminate' : 'progress-track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={total ?? undefined}
        aria-valuenow={total ? done : undefined}
      >
        <div className="progress-fill" style={{ width: fraction === undefined ? '30%' : `${(fraction * 100).toFixed(1)}%` }} />
      </div>
      <span className="progress-label">
        {label}
        {fraction !== undefined ? ` · ${(fraction * 100).toFixed(0)} %` : ''}
      </span>
    </div>
  );
}
