/** Shown wherever a what-if's numbers appear (CLI, files' metadata, report, app): only the speed means anything. */
export const WHATIF_NOTICE = 'Latency what-if: weights pruned without training: accuracy not preserved.';
