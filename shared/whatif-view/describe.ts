import type { TFunction } from 'i18next';
import type { Formatters } from '../format/formatters';
import type { BreakEven, WhatifPoint } from '../../electron/core/whatif/whatif-report';
import type { SparseVerdict, VerdictRule } from '../../electron/core/tflite/xnnpack-verdict';

// The what-if's sentences, in the language of `t` with the numbers of `f`: the app, whatif.html and the CLI summary.

export function describeBreakEven(b: BreakEven, t: TFunction, f: Formatters): string {
  switch (b.kind) {
    case 'interpolated':
      return t('whatif.breakEven.interpolated', {
        value: f.percent(b.sparsity, 1),
        low: f.percent(b.between[0], 0),
        high: f.percent(b.between[1], 0),
      });
    case 'at-or-below':
      return t('whatif.breakEven.atOrBelow', { value: f.percent(b.sparsity, 0) });
    case 'not-reached':
      return b.best === null
        ? t('whatif.breakEven.notReached')
        : t('whatif.breakEven.notReachedBest', { ratio: f.number(b.best, 2) });
  }
}

/** What a point's per-operator profile covers, e.g. "50 inferences after 325 warm-up calls (left out)". */
export function describeProfileCoverage(p: Pick<WhatifPoint, 'profile'>, t: TFunction, f: Formatters): string {
  if (!p.profile) return t('whatif.profile.none');
  const calls =
    p.profile.calls === null ? t('whatif.profile.unknownCalls') : t('whatif.profile.calls', { n: f.count(p.profile.calls) });
  if (p.profile.warmupExcluded !== null)
    return t('whatif.profile.afterWarmup', { calls, warmup: f.count(p.profile.warmupExcluded) });
  return p.profile.source === 'these-runs' ? t('whatif.profile.theseRuns', { calls }) : calls;
}

/** "eligible", or "not eligible: <the first failing rule>", with the failing rule's reason in the same language. */
export function describeVerdict(verdict: SparseVerdict, t: TFunction): { text: string; reason: string } {
  if (verdict.eligible) return { text: t('whatif.files.eligible'), reason: verdict.summary };
  const failing = verdict.rules.find((r) => !r.pass);
  const key = `report.verdict.rule.${failing?.id ?? ''}`;
  const rule = failing && t(key) !== key ? t(key) : undefined;
  return {
    text: rule ? t('whatif.files.notEligibleBecause', { rule }) : t('whatif.files.notEligible'),
    reason: failing ? ruleReason(failing, t) : verdict.summary,
  };
}

/** A verdict rule's one-line reason in the language of `t` (the English line when its key is unknown). */
export function ruleReason(rule: Pick<VerdictRule, 'reason' | 'reasonKey' | 'reasonValues'>, t: TFunction): string {
  const key = `report.verdict.reason.${rule.reasonKey}`;
  const text = t(key, rule.reasonValues);
  return text === key ? rule.reason : text;
}
