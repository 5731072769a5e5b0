// The what-if screen's job config (shared/contract.ts whatifJobConfig) and its sparsity list as typed by the user.
import type { z } from 'zod';
import type { whatifJobConfig } from '../../../shared/contract';
import type { BenchmarkForm } from './job-configs';

export type WhatifJobConfig = z.infer<typeof whatifJobConfig>;

/** Why a typed sparsity list is refused: nothing typed, or the first entry that is not a fraction in (0, 1). */
export type SparsityListError = { kind: 'empty' } | { kind: 'bad'; value: string };

/** "0.5, 0.75, 90%" -> [0.5, 0.75, 0.9], or what is wrong with the text (the screen words it). */
export function parseSparsities(text: string): { values: number[] } | { error: SparsityListError } {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: { kind: 'empty' } };
  const values: number[] = [];
  for (const part of parts) {
    const value = part.endsWith('%') ? Number(part.slice(0, -1)) / 100 : Number(part);
    if (!(value > 0 && value < 1)) return { error: { kind: 'bad', value: part } };
    values.push(value);
  }
  return { values: [...new Set(values)].sort((a, b) => a - b) };
}

export function buildWhatifConfig(
  form: BenchmarkForm,
  options: {
    model: string;
    out: string;
    sparsities: number[];
    includeFc: boolean;
    devices: string[];
    adbServer?: string | undefined;
  },
): WhatifJobConfig {
  const { binary, ...settings } = form;
  return {
    model: options.model.trim(),
    out: options.out,
    sparsities: options.sparsities,
    includeFc: options.includeFc,
    devices: options.devices,
    ...settings,
    // The report's 1x1 share of time needs the per-operator profile (this computer always profiles once).
    opProfiling: true,
    ...(binary.trim() ? { binary: binary.trim() } : {}),
    ...(options.adbServer ? { adbServer: options.adbServer } : {}),
  };
}
