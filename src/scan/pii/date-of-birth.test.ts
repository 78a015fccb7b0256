import { describe, expect, it } from 'vitest';
import { dateOfBirthDetector } from './date-of-birth.js';

const ctx = { regions: ['US'] };
const values = (text: string) => dateOfBirthDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('pii.date_of_birth', () => {
  it.each([
    ['ISO', 'Date of birth: 1990-04-12', '1990-04-12'],
    ['year first with slashes', 'DOB 1990/4/12', '1990/4/12'],
    ['day-first slashes', 'born 12/04/1990 in Leeds', '12/04/1990'],
    ['month-first slashes, single digits', "Please tell me your date of birth. It's 6/24/1958", '6/24/1958'],
    ['dots', 'd.o.b. 04.12.1990', '04.12.1990'],
    ['dots with spaces', 'geb. 12. 04. 1990', '12. 04. 1990'],
    ['day month-name year', 'She was born on 12 April 1990.', '12 April 1990'],
    ['month-name day, year', 'Born: October 28, 1955 (age 66)', 'October 28, 1955'],
    ['abbreviated month with a dot', 'birthday: Apr. 12 1990', 'Apr. 12 1990'],
    ['ordinal day', 'birth date 12th of April, 1990', '12th of April, 1990'],
    ['dashed abbreviation', 'DOB 12-Apr-1990', '12-Apr-1990'],
    ['German', 'Er ist am 12. März 1985 geboren', '12. März 1985'],
    ['German abbreviation geb.', 'Max Muster, geb. 03.07.1961', '03.07.1961'],
    ['French', 'née le 3 avril 1977 à Lyon', '3 avril 1977'],
    ['French 1er', 'né le 1er janvier 1950', '1er janvier 1950'],
    ['Spanish', 'fecha de nacimiento: 12 de abril de 1990', '12 de abril de 1990'],
    ['Dutch', 'geboortedatum 5 mei 1980', '5 mei 1980'],
    ['a leap day', 'born 29/02/2000', '29/02/2000'],
  ])('finds a date with birth context: %s', (_name, text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it.each([
    ['a date without birth context', 'The meeting is on 12 April 1990.'],
    ['an ISO date without birth context', 'Released 1990-04-12.'],
    ['a birth word too far away', `born ${'x'.repeat(60)} 12/04/1990`],
    ['a birth word inside another word (reborn)', 'reborn 12/04/1990'],
    ['an impossible day', 'born 31/04/1990'],
    ['29 February in a non-leap year', 'born 29/02/1900'],
    ['month 13 either way', 'born 13/13/1990'],
    ['a year before 1900', 'born 12/04/1899'],
    ['a year in the future', 'born 12/04/2999'],
    ['a bare year', 'born in 1990'],
    ['month and year only', 'born April 1990'],
    ['an unknown month name', 'born 12 Smarch 1990'],
    ['a version-like number', 'born 1.12.04.1990'],
    ['empty text', ''],
  ])('reports nothing for %s', (_name, text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after emoji', () => {
    const text = '🎂🎉 born 12/04/1990';
    expect(dateOfBirthDetector.detect(text, ctx)).toEqual([
      expect.objectContaining({ type: 'DATE_OF_BIRTH', detector: 'pii.date_of_birth', start: 10, end: 20 }),
    ]);
  });

  it('recognises every one of its own context words', () => {
    for (const word of dateOfBirthDetector.context ?? []) {
      expect(values(`${word} 12/04/1990`), word).toEqual(['12/04/1990']);
    }
  });
});
