/** The words every output uses for the speed-up's definition (HTML, PDF, CSV, JSON schema, docs). */
export const SPEEDUP_DEFINITION =
  'Speed-up = dense median latency / pruned median latency (the Median column: of all runs pooled over the repetitions, or of the repetition averages when the tool printed statistics only)';

/** How its interval is computed, in the same words everywhere. */
export const SPEEDUP_CI_DEFINITION =
  'Its 95 % interval is a percentile bootstrap (2,000 resamples, fixed seed) of that same ratio, resampling whole repetitions; with fewer than two repetitions it resamples single runs, which understates drift between runs';
