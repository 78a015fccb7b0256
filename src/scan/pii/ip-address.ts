import type { Finding } from '../../core/finding.js';
import type { Detector, DetectorContext } from '../detector.js';
import * as charCodes from './char-codes.js';
import * as ipSyntax from './ip-syntax.js';
import * as numericRuns from './numeric-runs.js';

// Module-local copies of the imports: a transpiler (tsx, the tests) may turn every use of an
// imported binding into a property read through a getter, paid on each call in hot code.
const { isDigit, isHexDigit, isWordAt } = charCodes;
const { ipv4Valid, ipv6Valid } = ipSyntax;
const { forEachRunMatch } = numericRuns;

const ID = 'pii.ip_address';
const IPV4 = /\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;
/** Words right before a dotted number that make it a version, not an address. */
const VERSION_BEFORE = /(?:^|[^a-z])(?:v|ver|version|release|build|rev|revision|firmware)\.?:?\s*$/;

function finding(start: number, end: number, score: number, reason: string): Finding {
  return { type: 'IP_ADDRESS', start, end, score, detector: ID, reason };
}

function isVersionContext(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
  return VERSION_BEFORE.test(before);
}

function findIpv4(text: string, ctx: DetectorContext, out: Finding[]): void {
  forEachRunMatch(text, ctx, IPV4, (start, m) => {
    const end = start + m[0].length;
    if (isWordAt(text, start - 1) || isWordAt(text, end)) return;
    // Part of a longer dotted number (`1.2.3.4.5`, a version or an OID): not an address.
    if (text.charCodeAt(start - 1) === 46 && isDigit(text.charCodeAt(start - 2))) return;
    if (text.charCodeAt(end) === 46 && isDigit(text.charCodeAt(end + 1))) return;
    if (!ipv4Valid(text, start, end) || isVersionContext(text, start)) return;
    // `1.2.3.4`-like quads of single digits are more often section or version numbers.
    const small = m[0].length === 7;
    out.push(finding(start, end, small ? 0.45 : 0.8, small ? 'IPv4 of single digits' : 'IPv4 address'));
  });
}

function isV6Code(c: number): boolean {
  return isHexDigit(c) || c === 58;
}

/** True when the colon at `at` is followed by at most four hex digits and another colon. */
function colonPairAt(text: string, at: number): boolean {
  let i = at + 1;
  while (i < at + 5 && isHexDigit(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 58;
}

function isLoneColonAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 58 && text.charCodeAt(i - 1) !== 58;
}

function findIpv6(text: string, out: Finding[]): void {
  // Every IPv6 address has two colons at most four hex digits apart (`fe80::1`, `db8:85a3:`);
  // colons are rare in prose, so an indexOf walk finds them faster than any regex.
  for (let at = text.indexOf(':'); at >= 0; at = text.indexOf(':', at + 1)) {
    if (!colonPairAt(text, at)) continue;
    let start = at;
    while (start > 0 && isV6Code(text.charCodeAt(start - 1))) start--;
    let end = at + 1;
    while (end < text.length && (isV6Code(text.charCodeAt(end)) || text.charCodeAt(end) === 46)) end++;
    at = end;
    // A sentence dot or a lone trailing colon (`fe80::1:`) is punctuation, not address.
    while (end > start && (text.charCodeAt(end - 1) === 46 || isLoneColonAt(text, end - 1))) end--;
    if (isWordAt(text, start - 1) || isWordAt(text, end)) continue;
    if (!ipv6Valid(text, start, end)) continue;
    if (hexGroups(text, start, end) < 2) continue;
    out.push(finding(start, end, 0.85, 'IPv6 address'));
  }
}

function hexGroups(text: string, start: number, end: number): number {
  let groups = 0;
  let inGroup = false;
  for (let i = start; i < end; i++) {
    const hex = text.charCodeAt(i) !== 58;
    if (hex && !inGroup) groups++;
    inGroup = hex;
  }
  return groups;
}

/**
 * `pii.ip_address`: IPv4 (octets up to 255, no leading zeros, not a version number) and IPv6
 * (full, `::`-compressed, IPv4-mapped) addresses.
 */
export const ipAddressDetector: Detector = {
  id: ID,
  entities: ['IP_ADDRESS'],
  context: ['ip', 'ipv4', 'ipv6', 'address', 'server', 'host', 'client', 'dns', 'gateway', 'subnet', 'ping', 'router'],
  detect(text, ctx) {
    const out: Finding[] = [];
    findIpv4(text, ctx, out);
    findIpv6(text, out);
    return out;
  },
};
