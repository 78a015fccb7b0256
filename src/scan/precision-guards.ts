import type { Finding } from '../core/finding.js';

/**
 * Drops findings that lie inside text which is structurally something else (UUIDs, hashes,
 * base64 blobs, version strings, timestamps, order numbers) and so cannot be a phone number,
 * card number or national id.
 *
 * TODO(structured detectors): implement the guard spans.
 */
export function applyPrecisionGuards(_text: string, findings: Finding[]): Finding[] {
  return findings;
}
