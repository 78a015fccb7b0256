import { describe, expect, it } from 'vitest';
import { expandIdentifier, identifierWords, standsAsWord } from './identifier.js';

describe('identifier helpers', () => {
  it.each([
    ['awsSecretAccessKey', ['aws', 'secret', 'access', 'key']],
    ['AWS_SECRET_ACCESS_KEY', ['aws', 'secret', 'access', 'key']],
    ['APIKey', ['api', 'key']],
    ['x-api-key', ['x', 'api', 'key']],
    ['db.password2', ['db', 'password']],
    ['PGPASSWORD', ['pgpassword']],
  ])('splits %s into words', (name, words) => expect(identifierWords(name)).toEqual(words));

  it('expands around a keyword and drops flag dashes', () => {
    const text = 'mysql --db-password=x';
    const at = text.indexOf('password');
    const { start, end } = expandIdentifier(text, at, at + 8);
    expect(text.slice(start, end)).toBe('db-password');
  });

  it.each([
    ['SumoLogic', 0, 'sumo', true],
    ['SUMO_KEY', 0, 'sumo', true],
    ['myOktaToken', 2, 'okta', true],
    ['sumOfExposures', 0, 'sumo', false],
    ['rookTable', 2, 'okta', false],
    ['CameraKit', 2, 'meraki', false],
    ['consumo', 3, 'sumo', false],
  ] as const)('%s holds %s as a word: %s', (raw, pos, keyword, expected) => {
    expect(standsAsWord(raw, pos, keyword.length)).toBe(expected);
  });
});
