import { describe, expect, it } from 'vitest';
import { checkJsonSchema } from './json-schema-check.js';

const weather = {
  type: 'object',
  properties: {
    city: { type: 'string', minLength: 1 },
    unit: { type: 'string', enum: ['c', 'f'] },
    days: { type: 'integer', minimum: 1, maximum: 14 },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 3 },
    note: { type: ['string', 'null'] },
    legacy: { type: 'string', nullable: true },
  },
  required: ['city', 'unit'],
  additionalProperties: false,
};

const tree = {
  $defs: { node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/$defs/node' } } }, required: ['name'], additionalProperties: false } },
  $ref: '#/$defs/node',
};

describe('checkJsonSchema', () => {
  it.each([
    [{ city: 'Oslo', unit: 'c' }, 'valid'],
    [{ city: 'Oslo', unit: 'c', days: 3, tags: ['a'], note: null, legacy: null }, 'valid'],
    [{ city: 'Oslo' }, 'invalid'], // required
    [{ city: 'Oslo', unit: 'k' }, 'invalid'], // enum
    [{ city: '', unit: 'c' }, 'invalid'], // minLength
    [{ city: 'Oslo', unit: 'c', days: 2.5 }, 'invalid'], // integer
    [{ city: 'Oslo', unit: 'c', days: 15 }, 'invalid'], // maximum
    [{ city: 'Oslo', unit: 'c', tags: ['a', 'b', 'c', 'd'] }, 'invalid'], // maxItems
    [{ city: 'Oslo', unit: 'c', tags: [1] }, 'invalid'], // items
    [{ city: 'Oslo', unit: 'c', extra: 1 }, 'invalid'], // additionalProperties
    [{ city: 'Oslo', unit: 'c', note: 5 }, 'invalid'], // type list
    [['Oslo'], 'invalid'],
    [null, 'invalid'],
  ])('%j -> %s', (value, verdict) => {
    expect(checkJsonSchema(value, weather)).toBe(verdict);
  });

  it('follows local $ref, recursively', () => {
    expect(checkJsonSchema({ name: 'a', children: [{ name: 'b', children: [] }] }, tree)).toBe('valid');
    expect(checkJsonSchema({ name: 'a', children: [{ children: [] }] }, tree)).toBe('invalid');
  });

  it.each([
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, 3, 'valid'],
    [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, true, 'invalid'],
    [{ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 3, 'invalid'],
    [{ allOf: [{ type: 'number' }, { minimum: 5 }] }, 4, 'invalid'],
    [{ const: 'x' }, 'x', 'valid'],
    [{ enum: [{ a: [1] }] }, { a: [1] }, 'valid'],
    [{ type: 'string', pattern: '^(a+)+$' }, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', 'valid'], // patterns are not run
    [{ type: 'string', maxLength: 2 }, '😀😀', 'valid'], // code points
    [true, { anything: 1 }, 'valid'],
    [false, 1, 'invalid'],
    [{}, 1, 'valid'],
  ])('%j against %j -> %s', (schema, value, verdict) => {
    expect(checkJsonSchema(value, schema)).toBe(verdict);
  });

  it.each([
    ['a remote $ref', { $ref: 'https://example.com/s.json' }],
    ['a broken $ref', { $ref: '#/$defs/missing' }],
    ['an unknown type name', { type: 'date' }],
    ['a schema that is not an object', 'string'],
    ['a $ref loop', { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' }],
  ])('cannot verify %s', (_, schema) => {
    expect(checkJsonSchema({}, schema)).toBe('unknown');
  });

  it('gives up (unknown) on exponential anyOf nesting instead of running for long', () => {
    let schema: unknown = { type: 'string' };
    for (let i = 0; i < 30; i++) schema = { anyOf: [{ type: 'array', items: schema }, { type: 'array', items: schema }] };
    let value: unknown = 1;
    for (let i = 0; i < 30; i++) value = [value];
    expect(checkJsonSchema(value, schema)).toBe('unknown');
  });
});
