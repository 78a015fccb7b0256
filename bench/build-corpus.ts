import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The two input mixes, relative to ../shared/data. `chat`: real users' prompts (instructions,
 * questions; some names and places, little else). `dense`: template sentences that are mostly PII
 * (three quarters of the texts) — a worst case for the detectors, not typical traffic.
 */
export const CORPUS_SOURCES = {
  chat: ['injection/wildguard_benign.jsonl', 'injection/self_instruct_benign.jsonl'],
  dense: [
    'pii/presidio_synth_dataset_v2.jsonl',
    'pii/presidio_generated_large.jsonl',
    'pii/presidio_synth_dataset_v1_2021.jsonl',
    'injection/self_instruct_benign.jsonl',
  ],
} as const;

/** A named input mix. */
export type CorpusName = keyof typeof CORPUS_SOURCES;

/** The benchmark inputs: many ~1 KB prompts and one ~1 MB text, plus where they came from. */
export interface Corpus {
  readonly prompts: readonly string[];
  readonly large: string;
  readonly origin: string;
}

/**
 * Builds ~1 KB chat prompts by joining consecutive `text` fields of the shared datasets (mixed
 * sources, so PII-dense template sentences and PII-free instructions alternate), and a ~1 MB text
 * from the same pool. Falls back to a small built-in generator without ../shared.
 */
export function buildCorpus(dataDir: string, name: CorpusName, promptCount = 1000, promptSize = 1024): Corpus {
  const sources = CORPUS_SOURCES[name];
  const texts = loadTexts(dataDir, sources);
  const origin = texts.length > 0 ? `${name}: ${sources.filter((s) => existsSync(join(dataDir, s))).join(', ')}` : `${name}: built-in generator`;
  const pool = texts.length > 0 ? interleave(texts) : generateTexts(2000);
  const prompts: string[] = [];
  let i = 0;
  while (prompts.length < promptCount) {
    let prompt = '';
    while (prompt.length < promptSize) {
      prompt += (prompt ? '\n' : '') + pool[i % pool.length];
      i++;
    }
    prompts.push(prompt.slice(0, promptSize));
  }
  const parts: string[] = [];
  for (let j = 0, size = 0; size < 1_000_000; j++) {
    const p = pool[j % pool.length]!;
    parts.push(p);
    size += p.length + 1;
  }
  const large = parts.join('\n').slice(0, 1_000_000);
  return { prompts, large, origin };
}

function loadTexts(dataDir: string, sources: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const source of sources) {
    const path = join(dataDir, source);
    if (!existsSync(path)) continue;
    const texts: string[] = [];
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { text?: unknown }).text;
      if (typeof text === 'string' && text.length > 0) texts.push(text);
    }
    out.push(texts);
  }
  return out;
}

/** Round-robin over the sources so no single file dominates a prompt. */
function interleave(sources: readonly string[][]): string[] {
  const out: string[] = [];
  const longest = Math.max(...sources.map((s) => s.length));
  for (let i = 0; i < longest; i++) for (const s of sources) if (i < s.length) out.push(s[i]!);
  return out;
}

const NAMES = ['Maria Lopez', 'John Carter', 'Aiko Tanaka', 'Peter Müller', 'Chloé Martin'];
const FILLERS = [
  'Can you summarise the attached notes for the team meeting tomorrow?',
  'Please rewrite this paragraph so it sounds more formal.',
  'What are the main differences between TCP and UDP?',
  'Draft a polite reply declining the invitation.',
];

/** Deterministic fallback prompts with a little PII in some of them. */
function generateTexts(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = NAMES[i % NAMES.length]!;
    const filler = FILLERS[i % FILLERS.length]!;
    switch (i % 4) {
      case 0: out.push(`${filler} My name is ${name}, email ${name.split(' ')[0]!.toLowerCase()}${i}@example.com.`); break;
      case 1: out.push(`${filler} Call me at +1 415 555 ${String(1000 + (i % 9000)).padStart(4, '0')}.`); break;
      case 2: out.push(`${filler} The card 4111 1111 1111 1111 was charged twice.`); break;
      default: out.push(filler);
    }
  }
  return out;
}
