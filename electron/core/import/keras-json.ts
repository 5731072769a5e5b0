// Reading loosely typed Keras / TF.js JSON: every accessor names the layer and field it reads, so a malformed file
// gives a message a person can act on instead of a TypeError.
import { UserError } from '../util/errors';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The error for a topology that does not have the shape Keras writes. */
export function badTopology(file: string, where: string, problem: string): UserError {
  return new UserError(
    'IMPORT_BAD_TOPOLOGY',
    `${file}: ${where}: ${problem}`,
    'The file does not look like a Keras or TF.js model as Keras/TF.js write it; re-save it with model.save().',
  );
}

/** Reads fields of one JSON object, reporting the file and the place (e.g. "layer 'conv1' (Conv2D)") on error. */
export class FieldReader {
  constructor(
    readonly file: string,
    readonly where: string,
    readonly object: JsonObject,
  ) {}

  has(key: string): boolean {
    return this.object[key] !== undefined && this.object[key] !== null;
  }

  raw(key: string): Json | undefined {
    return this.object[key] ?? undefined;
  }

  fail(key: string, problem: string): never {
    throw badTopology(this.file, this.where, `field '${key}' ${problem}`);
  }

  number(key: string, fallback?: number): number {
    const value = this.object[key];
    if ((value === undefined || value === null) && fallback !== undefined) return fallback;
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(key, `must be a number, got ${JSON.stringify(value)}`);
    return value;
  }

  nullableNumber(key: string): number | null {
    const value = this.object[key];
    if (value === undefined || value === null) return null;
    return this.number(key);
  }

  string(key: string, fallback?: string): string {
    const value = this.object[key];
    if ((value === undefined || value === null) && fallback !== undefined) return fallback;
    if (typeof value !== 'string') this.fail(key, `must be a string, got ${JSON.stringify(value)}`);
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.object[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') this.fail(key, `must be true or false, got ${JSON.stringify(value)}`);
    return value;
  }

  /** An int or a list of `size` ints (Keras accepts both for kernel_size, strides, dilation_rate). */
  tuple(key: string, size: number, fallback?: number): number[] {
    const value = this.object[key];
    if ((value === undefined || value === null) && fallback !== undefined) return new Array<number>(size).fill(fallback);
    if (typeof value === 'number' && Number.isInteger(value)) return new Array<number>(size).fill(value);
    if (Array.isArray(value) && value.length === size && value.every((v) => typeof v === 'number' && Number.isInteger(v)))
      return value as number[];
    this.fail(key, `must be an integer or a list of ${size} integers, got ${JSON.stringify(value)}`);
  }
}
