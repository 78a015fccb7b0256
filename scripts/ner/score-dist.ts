// Score quantiles of NER findings by type and length, split into findings on entity-free texts
// and true/false positives on labelled texts, to see where a cut would separate them:
// `npx tsx scripts/ner/score-dist.ts presidio_synth_dataset_v2.jsonl wnut17_dev.jsonl`.
import { resolve } from 'node:path';
import { nerDetectors } from '../../src/scan/ner/ner-detectors.js';
import { NER_TYPES } from '../../src/scan/ner/ner-labels.js';
import { loadExamples } from './load-training-data.js';

const data = resolve(import.meta.dirname, '../../../shared/data');
const detect = (t: string) => nerDetectors.flatMap((d) => d.detect(t, { regions: ['US'] }));
const buckets = new Map<string, number[]>();
const put = (k: string, v: number) => { let a = buckets.get(k); if (!a) buckets.set(k, (a = [])); a.push(v); };
const toks = (s: string) => s.trim().split(/\s+/).length > 1 ? 'multi' : 'single';
for (const file of process.argv.slice(2)) {
  for (const ex of loadExamples(resolve(data, 'pii', file), file)) {
    for (const f of detect(ex.text)) {
      const ok = ex.spans.some((s) => NER_TYPES[s.type] === f.type && s.start === f.start && s.end === f.end);
      const tag = ex.spans.length === 0 ? 'free' : ok ? 'TP' : 'FP';
      put(`${file.slice(0, 12)} ${f.type.slice(0, 4)} ${toks(ex.text.slice(f.start, f.end))} ${tag}`, f.score);
    }
  }
}
for (const [k, v] of [...buckets].sort()) {
  v.sort((a, b) => a - b);
  const q = (p: number) => (v[Math.floor(p * (v.length - 1))] ?? 0).toFixed(2);
  console.log(`${k.padEnd(44)} n=${String(v.length).padStart(4)}  q10 ${q(0.1)} q25 ${q(0.25)} q50 ${q(0.5)} q75 ${q(0.75)}`);
}
