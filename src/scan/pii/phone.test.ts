import { describe, expect, it } from 'vitest';
import { phoneDetector } from './phone.js';

const found = (text: string, regions: readonly string[] = ['US']) =>
  phoneDetector.detect(text, { regions }).map((f) => [text.slice(f.start, f.end), f.score] as const);
const values = (text: string, regions?: readonly string[]) => found(text, regions).map(([v]) => v);

describe('phoneDetector', () => {
  it.each([
    ['+1 415-555-2671', 'US'],
    ['+44 20 7946 0958', 'GB'],
    ['+49 30 901820', 'DE'],
    ['+33 1 42 68 53 00', 'FR'],
    ['+91 98765 43210', 'IN'],
    ['+55 11 91234-5678', 'BR'],
    ['+41 (0)44 668 18 00', 'CH'],
  ])('validates %j (%s) from its + country code, whatever the region hints', (number) => {
    const [hit] = found(`is ${number}.`);
    expect(hit?.[0]).toBe(number);
    expect(hit![1]).toBeGreaterThanOrEqual(0.85);
  });

  it.each([
    ['(212) 736-5000', ['US']],
    ['212.736.5000', ['US']],
    ['030 901820', ['DE']],
    ['020 7946 0958', ['GB', 'US']],
    ['06 12 34 56 78', ['FR']],
    ['98765 43210', ['IN']],
    ['(11) 91234-5678', ['BR']],
  ])('validates national %j against the region hints %j', (number, regions) => {
    const [hit] = found(number, regions);
    expect(hit?.[0]).toBe(number);
    expect(hit![1]).toBeGreaterThanOrEqual(0.5);
  });

  it('scores a national number of another region below the threshold (it needs context)', () => {
    expect(found('030 901820', ['US'])[0]![1]).toBeLessThan(0.5);
  });

  it.each([
    ['345-899-3560x4587', '345-899-3560x4587'],
    ['call 212-736-5000 ext. 12 now', '212-736-5000 ext. 12'],
    ['(37) 788-063-Office', '(37) 788-063'],
    ['+46 (0)8 928 571 38 fax', '+46 (0)8 928 571 38'],
    ['001-518-640-0854', '001-518-640-0854'],
    ['Mobile: 03.93.92.16.85', '03.93.92.16.85'],
  ])('keeps the written form of %j as the span', (text, expected) => {
    expect(values(text)).toEqual([expected]);
  });

  it('scores bare digit runs below the threshold even when valid', () => {
    const [hit] = found('2127365000');
    expect(hit?.[0]).toBe('2127365000');
    expect(hit![1]).toBeLessThan(0.5);
  });

  it.each([
    ['460-89-9847', 'an SSN shape'],
    ['on 2023-04-03 at noon', 'an ISO date'],
    ['on 2023-04-03 01:20', 'a date and time'],
    ['12.05.2021', 'a dotted date'],
    ['from 192.168.1.10', 'an IPv4 address'],
    ['pi is 3.14159', 'a decimal'],
    ['4111111111111111', 'a card number (too many digits)'],
    ['costs $1 234 567', 'an amount'],
    ['ab1234567', 'glued to letters'],
    ['12345', 'too short'],
    ['0000000', 'one digit repeated'],
    ["driver's license number is 2270-66-1551", 'labelled as another id'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('skips unknown region hints instead of throwing', () => {
    expect(values('(212) 736-5000', ['ZZ', 'US'])).toEqual(['(212) 736-5000']);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '📞📞 +1 415-555-2671';
    expect(phoneDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 5, end: 20, type: 'PHONE_NUMBER' });
  });
});
