import type { VerdictRuleRow } from './types';

const RULE_LINE = /^(pass|FAIL) ([^:]+): (.*)$/s;

/**
 * The XNNPACK verdict's rules as rows. conversion.json keeps them structured (`rules`) since this version;
 * older run folders have only the `reasons` lines ("pass|FAIL <title>: <reason>"), parsed here.
 */
export function verdictRules(verdict: {
  reasons: readonly string[];
  rules?:
    | readonly {
        id: string;
        title: string;
        pass: boolean;
        reason: string;
        reasonKey?: string | undefined;
        reasonValues?: Record<string, string | number> | undefined;
      }[]
    | undefined;
}): VerdictRuleRow[] {
  if (verdict.rules && verdict.rules.length > 0) {
    return verdict.rules.map((r) => ({
      id: r.id,
      title: r.title,
      pass: r.pass,
      reason: r.reason,
      reasonKey: r.reasonKey ?? null,
      reasonValues: r.reasonValues ?? null,
    }));
  }
  return verdict.reasons.map((line) => {
    const m = RULE_LINE.exec(line);
    return m
      ? { id: null, title: m[2]!, pass: m[1] === 'pass', reason: m[3]!, reasonKey: null, reasonValues: null }
      : { id: null, title: line, pass: false, reason: '', reasonKey: null, reasonValues: null };
  });
}
