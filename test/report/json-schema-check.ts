// A small JSON Schema checker for the keywords z.toJSONSchema emits for the report (type, properties, required,
// additionalProperties, propertyNames, items, enum, const, anyOf). Independent of zod, so the committed schema
// file itself is what the written report is checked against.

type Schema = Record<string, unknown>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** Returns the list of violations (empty when `value` conforms). */
export function checkJsonSchema(schema: Schema, value: unknown, path = '$'): string[] {
  const errors: string[] = [];
  const known = new Set([
    '$schema',
    '$id',
    'title',
    'description',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'propertyNames',
    'items',
    'enum',
    'const',
    'anyOf',
  ]);
  for (const key of Object.keys(schema))
    if (!known.has(key)) errors.push(`${path}: schema keyword '${key}' not supported by this checker`);
  if (schema.anyOf) {
    const branches = schema.anyOf as Schema[];
    if (!branches.some((b) => checkJsonSchema(b, value, path).length === 0)) errors.push(`${path}: matches no anyOf branch`);
    return errors;
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t)))
      return [...errors, `${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if ('const' in schema && value !== schema.const) errors.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in object)) errors.push(`${path}.${name}: required`);
    for (const [name, child] of Object.entries(object)) {
      if (properties[name]) errors.push(...checkJsonSchema(properties[name], child, `${path}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${name}: not allowed`);
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...checkJsonSchema(schema.additionalProperties as Schema, child, `${path}.${name}`));
    }
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => errors.push(...checkJsonSchema(schema.items as Schema, item, `${path}[${i}]`)));
  return errors;
}
