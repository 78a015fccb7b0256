/**
 * ISO 7064 MOD 97-10 remainder of an alphanumeric string, as used by IBAN: letters count as
 * 10 (A) to 35 (Z), case-insensitively; spaces are skipped. Returns -1 when any other character
 * occurs. Computed digit by digit, so it needs no BigInt whatever the length.
 */
export function mod97(s: string): number {
  let rem = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      rem = (rem * 10 + (c - 48)) % 97;
    } else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      // A letter stands for two digits (10..35).
      rem = (rem * 100 + ((c | 0x20) - 87)) % 97;
    } else if (c !== 32) {
      return -1;
    }
  }
  return rem;
}

/**
 * True when `iban` (spaces allowed, any case) passes the IBAN check: moving the first four
 * characters to the end must leave a remainder of 1 modulo 97.
 */
export function ibanChecksumValid(iban: string): boolean {
  const compact = iban.replace(/ /g, '');
  if (compact.length < 5) return false;
  return mod97(compact.slice(4) + compact.slice(0, 4)) === 1;
}
