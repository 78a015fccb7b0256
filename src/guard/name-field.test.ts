import { describe, expect, it } from 'vitest';
import { toNameField } from './name-field.js';

const OPENAI_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

describe('toNameField', () => {
  it.each([
    ['⟦PERSON_1⟧', 'PERSON_1'],
    ['⟦PERSON_12⟧-bot', 'PERSON_12-bot'],
    ['<PERSON>', '_PERSON_'],
    ['****ller', '_ller'],
    ['', 'user'],
    ['😀', 'user'],
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('%j -> %j', (input, output) => {
    const name = toNameField(input);
    expect(name).toBe(output);
    expect(name).toMatch(OPENAI_NAME);
  });
});
