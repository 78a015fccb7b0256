import { describe, expect, it } from 'vitest';
import { createScanner } from '../scanner.js';
import { nerDetectors } from './ner-detectors.js';

const scanner = createScanner({ detectors: nerDetectors });

/** The STREET_ADDRESS findings of `text` as [start, end) ranges. */
function addresses(text: string): [number, number][] {
  return scanner
    .scan(text)
    .filter((f) => f.type === 'STREET_ADDRESS')
    .map((f) => [f.start, f.end]);
}

function covered(text: string, part: string): boolean {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  return addresses(text).some(([s, e]) => s <= at && at + part.length <= e);
}

function touched(text: string, part: string): boolean {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`"${part}" is not in the text`);
  return addresses(text).some(([s, e]) => s < at + part.length && at < e);
}

describe('street address rules', () => {
  it.each([
    // US: house number, street, type word; city, state code and ZIP on one line.
    ['Please send it to 1668 Glyn St, Springfield, IL 62704.', ['1668 Glyn St', '62704']],
    ['Send to 500 Oak Avenue\nSuite 200\nAustin, TX 78701\nUSA', ['500 Oak Avenue', 'Suite 200', 'TX 78701']],
    // UK: alphanumeric house number and postcode.
    ['I live at 221B Baker Street, London NW1 6XE', ['221B Baker Street', 'NW1 6XE']],
    // German, Finnish, Danish, Swedish: the street type glued onto the name, number after it.
    ['Hauptstraße 12\n10115 Berlin\nGermany', ['Hauptstraße 12', '10115']],
    ['My address is 6750 Koskikatu 25\n00100 Helsinki', ['6750 Koskikatu 25', '00100']],
    ['Ship to: Præstevænget 15, 2300 København S, Denmark', ['Præstevænget 15', '2300']],
    ['Meet me at Östra Förstadsgatan 43, KNIVSTA 74192', ['Östra Förstadsgatan 43', '74192']],
    // French, Italian, Polish: the street type before the name.
    ['Apt. 5, 42 Rue de Rivoli, 75001 Paris', ['Apt. 5, 42 Rue de Rivoli, 75001']],
    ['Via Roma 10, 00184 Roma RM, Italia', ['Via Roma 10, 00184']],
    ['ul. Marszałkowska 12, 00-026 Warszawa', ['ul. Marszałkowska 12, 00-026']],
    // Two streets named by their crossing.
    ['Meet me at the corner of Elm Street and 5th Avenue tomorrow', ['the corner of Elm Street and 5th Avenue']],
    // A US postal suffix counts right after a house number; brackets inside a line.
    ['I live at 500 Cedar Creek, Austin', ['500 Cedar Creek']],
    ['The office is 928 Main Street\nSuite 112\nNicosia\nCyprus (Greek) 51034', ['Suite 112', '(Greek) 51034']],
    // Lower-case text.
    ['i live at 12 baker street, london', ['12 baker street']],
    // Offsets are UTF-16: an emoji (surrogate pair) before the address.
    ['📦📦 deliver to 12 Kalverstraat 5, 1012 NX Amsterdam', ['Kalverstraat 5', '1012 NX']],
  ])('covers the address parts of %j', (text, parts) => {
    for (const part of parts) expect(covered(text, part), part).toBe(true);
  });

  it.each([
    ['I ate 3 apples and 2 pears.', '3 apples'],
    ['I read Chapter 5 Street Fighter yesterday.', '5 Street'],
    ['Upgrade to version 2.3.1 of the Road Runner plugin', '2.3.1'],
    ['The call is at 10:30, see you then.', '10:30'],
    // A room alone is not an address: meetings happen in rooms every day.
    ['Meeting in Room 101 after lunch.', 'Room 101'],
    ['Windows 10 and Office 2019 are installed.', 'Windows 10'],
    ['We took 2 via Rome and 3 via Paris.', '2 via Rome'],
    ['Samsung 980 PRO PCIe NVMe Gen 4 Gaming M.2 Internal Solid State Hard Drive', '2 Internal'],
    ['Die Straße hieß bis 1898 Schulstraße und dann anders.', '1898'],
    ['The 2006–07 Portland Trail Blazers season', 'Portland Trail'],
  ])('finds no address in %j', (text, part) => {
    expect(touched(text, part)).toBe(false);
  });

  it('does not take the phone number on the next line into the address', () => {
    const text = 'Scott Barnes\n52 Tavcarjeva 73\nSuite 284\nSelca\n089 72 63 41 office';
    expect(covered(text, '52 Tavcarjeva 73')).toBe(true);
    expect(touched(text, '089 72 63 41')).toBe(false);
  });

  it('ends an address before the sentence that follows it', () => {
    const text = 'It is 12 Main Street, Boston. Thanks a lot';
    expect(covered(text, '12 Main Street')).toBe(true);
    expect(touched(text, 'Thanks')).toBe(false);
    expect(touched(text, '.')).toBe(false);
  });

  it('leaves a line of everyday words after the address out of it', () => {
    const text = 'Jane Doe\n12 Oak Road\nLeeds LS1 4AP\nThanks, see you';
    expect(covered(text, '12 Oak Road\nLeeds LS1 4AP')).toBe(true);
    expect(touched(text, 'Thanks')).toBe(false);
  });

  it('does not read past the end of a shorter text after a longer one', () => {
    expect(covered('the corner of Elm Street and 5th Avenue, okay', 'Elm Street and 5th Avenue')).toBe(true);
    expect(addresses('the corner of Elm')).toEqual([]);
    expect(addresses('at the corner of')).toEqual([]);
  });

  it.each([
    ['Send it to P.O. Box 255\nAnchorage, AK 99501', 'P.O. Box 255'],
    ['Write to PO Box 12, Springfield', 'PO Box 12'],
    ['Jane Doe\nPSC 3117, Box 9168\nAPO AE 94560', 'PSC 3117, Box 9168\nAPO AE 94560'],
  ])('takes a post-office box as an address: %j', (text, part) => {
    expect(covered(text, part)).toBe(true);
  });

  it('takes no box that is not a post-office box', () => {
    expect(addresses('Put it in the box 5 times and tick Box 3.')).toEqual([]);
  });

  it('returns nothing for empty text', () => {
    expect(addresses('')).toEqual([]);
  });
});
