import { describe, expect, it } from 'vitest';
import { perLabel, perLabels2, perLabels3 } from './per-labels.js';

describe('perLabels', () => {
  it('makes one value per combination of label values, and returns it again', () => {
    const made: string[] = [];
    const one = perLabel((a: string) => (made.push(a), { a }));
    const two = perLabels2((a: string, b: string) => (made.push(`${a}|${b}`), { a, b }));
    const three = perLabels3((a: string, b: string, c: number) => (made.push(`${a}|${b}|${c}`), { a, b, c }));
    expect(one('x')).toBe(one('x'));
    expect(one('x')).not.toBe(one('y'));
    expect(two('x', 'y')).toBe(two('x', 'y'));
    // Parts are kept apart: no joined key can make ('x|y', 'z') collide with ('x', 'y|z').
    expect(two('x|y', 'z')).not.toBe(two('x', 'y|z'));
    expect(three('GET', '/a', 200)).toBe(three('GET', '/a', 200));
    expect(three('GET', '/a', 200)).toEqual({ a: 'GET', b: '/a', c: 200 });
    expect(three('GET', '/a', 404)).not.toBe(three('GET', '/a', 200));
    expect(made).toEqual(['x', 'y', 'x|y', 'x|y|z', 'x|y|z', 'GET|/a|200', 'GET|/a|404']);
  });
});
