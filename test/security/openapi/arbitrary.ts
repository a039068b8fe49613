import fc from 'fast-check';

/** The JSON Schema subset @fastify/swagger writes from the zod schemas (no $ref: they are inlined). */
export type JsonSchema = Record<string, any>;

/** Strings that break naive code: bidi overrides, zero-width, control characters, SQL, markup, huge. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u202Egnp.exe',
  'a\u200Bb\u200Cc\u200Dd\uFEFF',
  '\u0000',
  'x\u0000y',
  '\u0007\u0008\u001b[31m',
  '\r\nSet-Cookie: x=1',
  '\uD800',
  'e\u0301\u0301\u0301',
  "' OR '1'='1",
  "'; DROP TABLE people; --",
  '" OR ""="',
  '%_\\%',
  '%',
  '\\',
  '$where',
  '{"$gt": ""}',
  '<script>window.__xss=1</script>',
  '<img src=x onerror=window.__xss=1>',
  'javascript:window.__xss=1',
  '../../../../etc/passwd',
  '%s%s%s%n',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, literal on purpose.
  '${7*7}{{7*7}}',
  '=HYPERLINK("http://evil.example","x")',
  '__proto__',
  'constructor',
  'prototype',
  'NaN',
  '-1',
  '1e309',
  'ﬁ𝔐𝔬𝔥𝔞𝔪𝔪𝔢𝔡 محمد ትግርኛ',
  `${'a'.repeat(30_000)}!`,
  'x'.repeat(70_000),
] as const;

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

const nastyNumber = fc.constantFrom(
  -1,
  0,
  -0,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
);

/** Nesting far deeper than any schema: the parser or the validator must refuse it, not the stack. */
const deepValue = fc.integer({ min: 50, max: 3000 }).map((depth) => {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
});

/** An object that carries `__proto__`, `constructor` and `prototype` as real JSON keys. */
const pollutingObject = fc.record({ isAdmin: fc.boolean(), roles: fc.constant(['admin']) }).map((inner) => {
  const target: Record<string, unknown> = {};
  for (const key of ['__proto__', 'constructor', 'prototype'])
    Object.defineProperty(target, key, {
      value: inner,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  return target;
});

/** Anything of the wrong type or shape. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  pollutingObject,
  deepValue,
  fc.array(nastyString, { maxLength: 3 }),
);

const typesOf = (schema: JsonSchema): string[] =>
  Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.format === 'date')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time')
    return fc
      .date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  const min = schema.minLength ?? 0;
  const max = Math.min(schema.maxLength ?? 60, Math.max(min, 60));
  if (schema.pattern) {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= min && s.length <= (schema.maxLength ?? Infinity));
    } catch {
      // a pattern JavaScript cannot compile: fall through to plain strings
    }
  }
  return fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
}

function validNumber(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = Math.max(
    schema.minimum ?? -1000,
    schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6,
  );
  const max = Math.min(
    schema.maximum ?? 100_000,
    schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e6,
  );
  return integer
    ? fc.integer({ min: Math.ceil(min), max: Math.max(Math.ceil(min), Math.floor(max)) })
    : fc.double({ min, max: Math.max(min, max), noNaN: true, noDefaultInfinity: true });
}

export interface Options {
  /** Chance, at each node, of swapping the value for a hostile one (0 gives schema-valid values). */
  hostility: number;
  depth?: number;
}

/** Values for a JSON Schema: valid where hostility is 0, valid in shape with hostile leaves otherwise. */
export function arbitraryFor(schema: JsonSchema, options: Options): fc.Arbitrary<unknown> {
  const valid = validFor(schema, options);
  if (options.hostility <= 0) return valid;
  const weight = Math.max(1, Math.round(options.hostility * 10));
  return fc.oneof(
    { weight: 10 - Math.min(9, weight), arbitrary: valid },
    { weight, arbitrary: hostileValue },
  );
}

function validFor(schema: JsonSchema, options: Options): fc.Arbitrary<unknown> {
  const depth = options.depth ?? 0;
  const next = { ...options, depth: depth + 1 };
  if (depth > 8) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (union?.length) return fc.oneof(...union.map((s) => arbitraryFor(s, next)));
  if (schema.allOf?.length) return arbitraryFor(Object.assign({}, ...schema.allOf), next);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => validFor({ ...schema, type }, options)));
  switch (types[0]) {
    case 'string':
      return validString(schema);
    case 'integer':
      return validNumber(schema, true);
    case 'number':
      return validNumber(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (schema.prefixItems)
        return fc.tuple(...(schema.prefixItems as JsonSchema[]).map((s) => arbitraryFor(s, next)));
      const minLength = schema.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, 3));
      return fc.array(arbitraryFor(schema.items ?? {}, next), { minLength, maxLength });
    }
    case 'object':
    case undefined: {
      const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = (schema.required ?? []) as string[];
      if (
        Object.keys(properties).length === 0 &&
        schema.additionalProperties &&
        typeof schema.additionalProperties === 'object'
      ) {
        const keys = schema.propertyNames
          ? validString(schema.propertyNames)
          : fc.string({ minLength: 1, maxLength: 12 });
        return fc.dictionary(keys, arbitraryFor(schema.additionalProperties, next), { maxKeys: 3 });
      }
      if (types[0] === undefined && Object.keys(properties).length === 0)
        return options.hostility > 0 ? hostileValue : fc.constant(null);
      const record = fc.record(
        Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, next)])),
        { requiredKeys: required.filter((key) => key in properties) },
      );
      if (options.hostility <= 0) return record;
      // Sometimes a field no schema declares, to check strict objects refuse it.
      return fc
        .tuple(record, fc.option(fc.tuple(nastyString, hostileValue), { freq: 4 }))
        .map(([value, extra]) => (extra ? { ...(value as object), [extra[0]]: extra[1] } : value));
    }
    default:
      return fc.constant(null);
  }
}

/** One schema-valid sample (deterministic for a seed), for requests that must get past validation. */
export function validSample(schema: JsonSchema, seed = 42): unknown {
  return fc.sample(arbitraryFor(schema, { hostility: 0 }), { numRuns: 1, seed })[0];
}
