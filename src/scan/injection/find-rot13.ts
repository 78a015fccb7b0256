import { ATTACK_VOCABULARY } from './attack-vocabulary.js';

const WORD = /[a-z]{2,}/g;
// rot13 of "the", "and", "you", "your", "is", "to", "of", "all", "ignore", "previous", "instructions",
// "password", "secret", "prompt", "system", "say", "now": English in rot13 has one of them.
const ROT13_HINT = /(?:^|[^a-z])(?:gur|naq|lbh|lbhe|vf|gb|bs|nyy|vtaber|cerivbhf|vafgehpgvbaf|cnffjbeq|frperg|cebzcg|flfgrz|fnl|abj)(?![a-z])/;
const MAX_SEGMENTS = 4;
// Pairs of vocabulary words that are each other's rot13: they neither break nor prove a segment.
const SELF_PAIRED = new Set(['be', 'or']);

/** rot13 of lower-case ASCII letters; everything else unchanged. */
export function rot13(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0x61 && c <= 0x7a ? String.fromCharCode(((c - 0x61 + 13) % 26) + 0x61) : text[i];
  }
  return out;
}

/**
 * Finds stretches of lower-case text whose rot13 reading is English while the surface is not:
 * a stretch runs between words of the vocabulary and qualifies when at least two of its words, and
 * half of them, are vocabulary words after rot13. Returns the decoded stretches (at most four).
 */
export function findRot13(text: string): string[] {
  if (!ROT13_HINT.test(text)) return [];
  const found: string[] = [];
  let start = -1;
  let end = -1;
  let words = 0;
  let hits = 0;
  const close = (): void => {
    if (start >= 0 && hits >= 2 && hits * 2 >= words && found.length < MAX_SEGMENTS) {
      found.push(rot13(text.slice(start, end)));
    }
    start = -1;
    words = 0;
    hits = 0;
  };
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    if (ATTACK_VOCABULARY.has(word) && !SELF_PAIRED.has(word)) {
      close();
      continue;
    }
    if (start < 0) start = m.index;
    end = m.index + word.length;
    words++;
    if (ATTACK_VOCABULARY.has(rot13(word))) hits++;
  }
  close();
  return found;
}
