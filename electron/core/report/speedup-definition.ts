import { en } from '../../../shared/i18n/en';

/** The words every output uses for the speed-up's definition (HTML, PDF, CSV, JSON schema, docs): the report's own English note. */
export const SPEEDUP_DEFINITION = en.report.notes.speedup;

/** How its interval is computed, in the same words everywhere. */
export const SPEEDUP_CI_DEFINITION = en.report.notes.speedupCi;
