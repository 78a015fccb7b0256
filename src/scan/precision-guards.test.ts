import { describe, expect, it } from 'vitest';
import type { Finding } from '../core/finding.js';
import { applyPrecisionGuards } from './precision-guards.js';

/** A finding of `type` over the first occurrence of `value` in `text`. */
function findingOf(text: string, value: string, type = 'PHONE_NUMBER'): Finding {
  const start = text.indexOf(value);
  if (start < 0) throw new Error(`test setup: ${value} not in ${text}`);
  return { type, start, end: start + value.length, score: 0.9, detector: 'test', reason: 'test' };
}

const kept = (text: string, f: Finding) => applyPrecisionGuards(text, [f]).length === 1;

describe('applyPrecisionGuards', () => {
  it.each([
    ['id 123e4567-e89b-12d3-a456-426614174000 ok', '426614174000', 'a UUID'],
    ['md5 9e107d9d372bb6826bd81d3542a419d6', '372', 'an MD5 digest'],
    ['sha1 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 done', '1bb76e7391', 'a SHA-1 digest'],
    ['sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', '4649', 'a SHA-256 digest'],
    ['blob QmFzZTY0IGVuY29kZWQgNTU1MTIzNDU2Nw== end', 'NTU1MTIzNDU2Nw', 'a base64 blob'],
    ['build v10.0.19045 shipped', '10.0.19045', 'a v-prefixed version'],
    ['Windows 10.0.19045 is installed', '10.0.19045', 'a bare dotted version'],
    ['at 2023-04-03T10:20:30Z we', '2023-04-03', 'an ISO timestamp'],
    ['on 2023-04-03 01:20 we', '2023-04-03 01', 'an ISO date and time'],
    ['ts=1700000000 epoch', '1700000000', 'epoch seconds'],
    ['ts=1700000000123 ms', '1700000000123', 'epoch milliseconds'],
    ['order #123456789 shipped', '123456789', 'an order number'],
    ['Invoice No. 4111111111111111 paid', '4111111111111111', 'an invoice number'],
    ['tracking number is 1Z999AA10123456784', '10123456784', 'a tracking number'],
    ['Ticket: 555-123-4567', '555-123-4567', 'a ticket number'],
  ])('drops a finding inside %j (%s)', (text, value) => {
    expect(kept(text, findingOf(text, value))).toBe(false);
  });

  it.each([
    ['call me at 555-123-4567 today', '555-123-4567', 'a plain phone number'],
    ['card 4111 1111 1111 1111 please', '4111 1111 1111 1111', 'a plain card number'],
    ['my order was late, call 555-123-4567', '555-123-4567', 'an order word far from the number'],
    ['version 2 is out; call 1.800.555.1234', '1.800.555.1234', 'a dotted phone number'],
    ['sent 2023-04-03, ssn 460-89-9847', '460-89-9847', 'a date elsewhere in the text'],
    ['', '', 'empty text'],
  ])('keeps a finding in %j (%s)', (text, value) => {
    if (text === '') {
      expect(applyPrecisionGuards('', [])).toEqual([]);
      return;
    }
    expect(kept(text, findingOf(text, value))).toBe(true);
  });

  it.each(['EMAIL_ADDRESS', 'URL', 'IBAN_CODE', 'CRYPTO_WALLET', 'IP_ADDRESS'])(
    'never drops %s findings (their own validation rules look-alikes out)',
    (type) => {
      const text = 'order #123456789 shipped';
      expect(kept(text, findingOf(text, '123456789', type))).toBe(true);
    },
  );

  it.each(['CREDIT_CARD', 'US_SSN', 'CA_SIN', 'IN_AADHAAR', 'UK_NHS', 'DE_TAX_ID', 'FR_INSEE', 'US_PASSPORT', 'US_DRIVER_LICENSE'])(
    'guards %s findings',
    (type) => {
      const text = 'order #123456789 shipped';
      expect(kept(text, findingOf(text, '123456789', type))).toBe(false);
    },
  );

  it('returns the same array untouched when no finding is of a guarded type', () => {
    const text = 'mail a@b.io';
    const findings = [findingOf(text, 'a@b.io', 'EMAIL_ADDRESS')];
    expect(applyPrecisionGuards(text, findings)).toBe(findings);
  });

  it('uses UTF-16 offsets (emoji before the guarded span)', () => {
    const text = '🚀🚀 order #123456789 and 🚀 call 555-123-4567';
    const order = findingOf(text, '123456789');
    const phone = findingOf(text, '555-123-4567');
    expect(applyPrecisionGuards(text, [order, phone])).toEqual([phone]);
  });
});
