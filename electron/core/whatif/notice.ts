/**
 * Stored with a what-if's numbers (the files' metadata, sparsify.json, whatif.json): only the speed means anything.
 * Screens, whatif.html and the CLI summary show it translated (whatif.notice, whose English text is this one).
 */
export const WHATIF_NOTICE = 'Latency what-if: weights pruned without training: accuracy not preserved.';
