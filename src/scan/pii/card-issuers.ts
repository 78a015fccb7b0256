/**
 * One issuer's range: card numbers whose first `low.length` digits lie in [low, high], written
 * as equal-width digit strings (Maestro's 0604 keeps its leading zero).
 */
interface IssuerRange {
  readonly brand: string;
  readonly low: string;
  readonly high: string;
  readonly lengths: readonly number[];
}

const ANY_16_19 = [16, 17, 18, 19];
const ANY_12_19 = [12, 13, 14, 15, 16, 17, 18, 19];
const ANY_14_19 = [14, 15, 16, 17, 18, 19];

function r(brand: string, low: string, high: string, lengths: readonly number[]): IssuerRange {
  return { brand, low, high, lengths };
}

/**
 * Issuer identification number (IIN) ranges of the major card schemes, with the card lengths
 * each issues. Public facts from the schemes' published ranges; longest prefixes first so the
 * most specific brand wins.
 */
const RANGES: readonly IssuerRange[] = [
  r('Verve', '506099', '506198', [16, 18, 19]),
  r('Verve', '650002', '650027', [16, 18, 19]),
  r('Discover', '622126', '622925', ANY_16_19),
  r('Mastercard', '2221', '2720', [16]),
  r('Mir', '2200', '2204', ANY_16_19),
  // JCB's registered block is 3528-3589; the rest of 35 is unassigned, yet issued-looking
  // numbers there are still far more likely cards than anything else.
  r('JCB', '3500', '3599', ANY_16_19),
  r('JCB', '1800', '1800', [15]),
  r('JCB', '2131', '2131', [15]),
  r('Diners Club', '3095', '3095', ANY_14_19),
  r('Discover', '6011', '6011', ANY_16_19),
  r('Maestro', '0604', '0604', ANY_12_19),
  r('Troy', '9792', '9792', [16]),
  r('Diners Club', '300', '305', ANY_14_19),
  r('Discover', '644', '649', ANY_16_19),
  r('Amex', '34', '34', [15]),
  r('Amex', '37', '37', [15]),
  r('Diners Club', '36', '36', ANY_14_19),
  r('Diners Club', '38', '39', ANY_14_19),
  r('Mastercard', '51', '55', [16]),
  r('Discover', '65', '65', ANY_16_19),
  r('UnionPay', '62', '62', ANY_16_19),
  r('UnionPay', '81', '81', ANY_16_19),
  r('RuPay', '60', '60', [16]),
  r('Maestro', '50', '50', ANY_12_19),
  r('Maestro', '56', '69', ANY_12_19),
  r('Visa', '4', '4', [13, 16, 19]),
];

/** A range as numbers: the first `width` digits of a card lie in [low, high]; `lengths` as bits. */
interface NumericRange {
  readonly brand: string;
  readonly divisor: number;
  readonly low: number;
  readonly high: number;
  readonly lengthBits: number;
}

// Comparing numbers instead of slicing and comparing strings: this runs for every card-shaped
// number, and Visa, the most common brand, is the last range.
const NUMERIC_RANGES: readonly NumericRange[] = RANGES.map((range) => ({
  brand: range.brand,
  divisor: 10 ** (6 - range.low.length),
  low: Number(range.low),
  high: Number(range.high),
  lengthBits: range.lengths.reduce((bits, n) => bits | (1 << n), 0),
}));

/**
 * The card brand whose IIN range and length fit `digits` (a string of ASCII digits), or
 * `undefined`.
 */
export function cardIssuer(digits: string): string | undefined {
  // Every brand issues 12 to 19 digits, so the first six always exist.
  const length = digits.length;
  if (length < 12 || length > 19) return undefined;
  let six = 0;
  for (let i = 0; i < 6; i++) six = six * 10 + (digits.charCodeAt(i) - 48);
  for (const range of NUMERIC_RANGES) {
    if ((range.lengthBits & (1 << length)) === 0) continue;
    // Equal-width prefixes compare as numbers as they would as strings (leading zeros included).
    const prefix = Math.floor(six / range.divisor);
    if (prefix >= range.low && prefix <= range.high) return range.brand;
  }
  return undefined;
}
