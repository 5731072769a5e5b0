import { missingKind } from '../../../shared/report-view/missing-items';
import { en } from '../../../shared/i18n/en';

/** What a missing report input means, as an English sentence naming the step that makes it (the report translates it). */
export function describeMissing(item: string): string {
  return en.report.missing.kind[missingKind(item)];
}
