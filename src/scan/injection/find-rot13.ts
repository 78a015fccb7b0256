import { ATTACK_VOCABULARY } from './attack-vocabulary.js';
import { PACKED_LETTERS, PackedWordSet } from './packed-words.js';

// rot13 of "the", "and", "you", "your", "is", "to", "of", "all", "ignore", "previous", "instructions",
// "password", "secret", "prompt", "system", "say", "now": English in rot13 has one of them.
const ROT13_HINT = /(?:^|[^a-z])(?:gur|naq|lbh|lbhe|vf|gb|bs|nyy|vtaber|cerivbhf|vafgehpgvbaf|cnffjbeq|frperg|cebzcg|flfgrz|fnl|abj)(?![a-z])/;
const MAX_SEGMENTS = 4;
// Pairs of vocabulary words that are each other's rot13: they neither break nor prove a segment.
const SELF_PAIRED = new Set(['be', 'or']);

// The vocabulary in rot13: a word's rot13 is a vocabulary word exactly when the word is in here
// (rot13 undoes itself), so no word has to be rewritten to be looked up.
const ROT13_VOCABULARY: ReadonlySet<string> = new Set([...ATTACK_VOCABULARY].map((w) => rot13(w)));

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

const VOCABULARY_KEYS = new PackedWordSet(ATTACK_VOCABULARY);
const ROT13_VOCABULARY_KEYS = new PackedWordSet(ROT13_VOCABULARY);
const SELF_PAIRED_KEYS = new PackedWordSet(SELF_PAIRED);

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
  // The words: runs of two or more of a–z.
  const n = text.length;
  for (let i = 0; i < n; ) {
    if (!isLower(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const wordStart = i;
    let key = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (!isLower(c)) break;
      key = (key << 5) | (c - 0x60);
    }
    const length = i - wordStart;
    if (length < 2) continue;
    let vocabulary: boolean;
    let rot13Vocabulary: boolean;
    if (length <= PACKED_LETTERS) {
      vocabulary = VOCABULARY_KEYS.has(key) && !SELF_PAIRED_KEYS.has(key);
      rot13Vocabulary = ROT13_VOCABULARY_KEYS.has(key);
    } else {
      const word = text.slice(wordStart, i);
      vocabulary = ATTACK_VOCABULARY.has(word) && !SELF_PAIRED.has(word);
      rot13Vocabulary = ROT13_VOCABULARY.has(word);
    }
    if (vocabulary) {
      close();
      continue;
    }
    if (start < 0) start = wordStart;
    end = i;
    words++;
    if (rot13Vocabulary) hits++;
  }
  close();
  return found;
}
