// Just enough JSON Schema (the keywords docs/analysis-v1.schema.json uses) to hold the published
// schema and the real output to each other, without adding a validator dependency.
type Schema = Record<string, unknown>;

const typeOk = (t: string, v: unknown): boolean =>
  t === 'null' ? v === null
  : t === 'integer' ? Number.isInteger(v)
  : t === 'array' ? Array.isArray(v)
  : t === 'object' ? typeof v === 'object' && v !== null && !Array.isArray(v)
  : typeof v === t;

export function validate(schema: Schema, value: unknown, root: Schema = schema, at = '$'): string[] {
  if (typeof schema.$ref === 'string') return validate((root.$defs as Record<string, Schema>)[schema.$ref.split('/').pop()!], value, root, at);
  const errs: string[] = [];
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    if (!types.some((t) => typeOk(t, value))) return [`${at}: expected ${types.join('|')}, got ${JSON.stringify(value)?.slice(0, 40)}`];
  }
  if ('const' in schema && value !== schema.const) errs.push(`${at}: expected ${String(schema.const)}`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errs.push(`${at}: ${String(value)} not in enum`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) errs.push(`${at}: below minimum`);
  if (typeof schema.maximum === 'number' && typeof value === 'number' && value > schema.maximum) errs.push(`${at}: above maximum`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) errs.push(`${at}: does not match ${schema.pattern}`);
  if (typeOk('object', value) && schema.properties) {
    const o = value as Record<string, unknown>;
    const props = schema.properties as Record<string, Schema>;
    for (const r of (schema.required as string[] | undefined) ?? []) if (!(r in o)) errs.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(o)) {
      if (props[k]) errs.push(...validate(props[k], v, root, `${at}.${k}`));
      else if (schema.additionalProperties === false) errs.push(`${at}: unexpected property ${k}`);
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => errs.push(...validate(schema.items as Schema, v, root, `${at}[${i}]`)));
  return errs;
}
