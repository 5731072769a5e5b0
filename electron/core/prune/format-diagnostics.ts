import type { XnnpackDiagnostic } from './diagnostics';
import type { XnnpackChange } from './fix-for-xnnpack';

/** Human-readable lines for a check's diagnostics (CLI output and error hints). */
export function formatDiagnostics(diagnostics: XnnpackDiagnostic[]): string {
  return diagnostics
    .map((d) => `- ${d.layer ?? '(model)'} [${d.rule}]: ${d.message}\n  Rule: ${d.requirement}\n  Fix: ${d.fix}`)
    .join('\n');
}

export function formatChanges(changes: XnnpackChange[]): string {
  if (changes.length === 0) return 'No change needed.';
  return changes.map((c) => `- ${c.description}${c.needsFineTuning ? ' [needs fine-tuning]' : ''}`).join('\n');
}
