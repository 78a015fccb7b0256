import { describe, expect, it } from 'vitest';
import { parseRedactionPolicy } from './redaction-policy.js';

const KNOWN = new Set(['EMAIL_ADDRESS', 'PERSON']);
const parse = (yaml: string) => parseRedactionPolicy(yaml, 'p.yaml', KNOWN);

describe('parseRedactionPolicy', () => {
  it('reads a default and per-entity operators, in long and short form', () => {
    expect(parse('default: {type: replace}\nentities:\n  EMAIL_ADDRESS: {type: mask, keepLast: 4}\n  PERSON: tokenize\n')).toEqual({
      default: { type: 'replace' },
      entities: { EMAIL_ADDRESS: { type: 'mask', keepLast: 4 }, PERSON: { type: 'tokenize' } },
    });
  });

  it('treats an empty file as an empty policy', () => {
    expect(parse('')).toEqual({ entities: {} });
    expect(parse('# only a comment\n')).toEqual({ entities: {} });
  });

  it.each([
    ['not YAML', 'default: {type: [unclosed\n'],
    ['a list at the top', '- redact\n'],
    ['a scalar at the top', 'redact\n'],
    ['an unknown top-level key', 'defaults: {type: redact}\n'],
    ['an unknown operator', 'entities:\n  EMAIL_ADDRESS: {type: shred}\n'],
    ['an unknown operator in short form', 'entities:\n  EMAIL_ADDRESS: shred\n'],
    ['an operator without type', 'default: {keepLast: 4}\n'],
    ['an unknown entity type', 'entities:\n  SHOE_SIZE: redact\n'],
    ['a lower-case entity type', 'entities:\n  email_address: redact\n'],
    ['an inherited property name as entity', 'entities:\n  __proto__: redact\n'],
    ['an unknown option', 'entities:\n  EMAIL_ADDRESS: {type: mask, keep: 4}\n'],
    ['a negative count', 'entities:\n  EMAIL_ADDRESS: {type: mask, keepLast: -1}\n'],
    ['a fractional count', 'entities:\n  EMAIL_ADDRESS: {type: mask, keepLast: 1.5}\n'],
    ['a count written as text', 'entities:\n  EMAIL_ADDRESS: {type: mask, keepLast: "4"}\n'],
    ['a key in the policy', 'default: {type: hash, key: "00ff"}\n'],
    ['entities as a list', 'entities:\n  - EMAIL_ADDRESS\n'],
  ])('refuses %s with ERR_POLICY_INVALID', (_name, yaml) => {
    expect(() => parse(yaml)).toThrow(expect.objectContaining({ code: 'ERR_POLICY_INVALID' }));
  });

  it('does not expand a billion-laughs alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => {
      const prev = String.fromCharCode(97 + i);
      const next = String.fromCharCode(98 + i);
      return `${next}: &${next} [*${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}, *${prev}]`;
    })].join('\n');
    expect(() => parse(bomb)).toThrow(expect.objectContaining({ code: 'ERR_POLICY_INVALID' }));
  });
});
