// Quick span-level check of the NER tier alone: `npx tsx scripts/ner/eval-ner.ts [threshold]`.
// Strict = same type and exact boundaries; overlap = same type and overlapping spans. Only the
// four NER types are scored; the official, all-detector evaluation is `npm run eval:pii`.
import { resolve } from 'node:path';
import { resolveOverlaps } from '../../src/scan/resolve-overlaps.js';
import { nerDetectors } from '../../src/scan/ner/ner-detectors.js';
import { NER_TYPES } from '../../src/scan/ner/ner-labels.js';
import { loadExamples } from './load-training-data.js';

const threshold = Number(process.argv[2] ?? 0.5);
const verbose = process.argv.includes('--errors');
// The detectors alone (threshold + overlap resolution as the scanner does), so this check does
// not depend on the other tiers.
const scanner = {
  scan: (text: string) =>
    resolveOverlaps(nerDetectors.flatMap((d) => d.detect(text, { regions: ['US'] })).filter((f) => f.score >= threshold)),
};
const dataDir = resolve(import.meta.dirname, '../../../shared/data/pii');

function evaluate(file: string, types: readonly string[], limit: number): void {
  const examples = loadExamples(resolve(dataDir, file), file).slice(0, limit);
  const stats = new Map(types.map((t) => [t, { tp: 0, otp: 0, np: 0, ng: 0, ogHit: 0 }]));
  let chars = 0;
  const t0 = performance.now();
  for (const ex of examples) {
    chars += ex.text.length;
    const pred = scanner.scan(ex.text).filter((f) => types.includes(f.type));
    const gold = ex.spans.map((s) => ({ ...s, type: NER_TYPES[s.type] as string })).filter((s) => types.includes(s.type));
    for (const p of pred) {
      const st = stats.get(p.type)!;
      st.np++;
      if (gold.some((g) => g.type === p.type && g.start === p.start && g.end === p.end)) st.tp++;
      else if (verbose) console.log(`FP ${p.type} ${JSON.stringify(ex.text.slice(p.start, p.end))} in ${JSON.stringify(ex.text.slice(0, 120))}`);
      if (gold.some((g) => g.type === p.type && g.start < p.end && p.start < g.end)) st.otp++;
    }
    for (const g of gold) {
      const st = stats.get(g.type)!;
      st.ng++;
      if (pred.some((p) => g.type === p.type && g.start < p.end && p.start < g.end)) st.ogHit++;
      else if (verbose) console.log(`FN ${g.type} ${JSON.stringify(ex.text.slice(g.start, g.end))} in ${JSON.stringify(ex.text.slice(0, 120))}`);
    }
  }
  const ms = performance.now() - t0;
  console.log(`\n${file}: ${examples.length} texts, ${(chars / 1e6 / (ms / 1000)).toFixed(1)} MB/s (small texts)`);
  console.log('type            gold  pred | strict P   R    F2  | overlap P   R    F2');
  const f2 = (p: number, r: number): number => (p + r === 0 ? 0 : (5 * p * r) / (4 * p + r));
  const all = { tp: 0, otp: 0, np: 0, ng: 0, ogHit: 0 };
  const row = (name: string, s: typeof all): void => {
    const p = s.tp / Math.max(1, s.np);
    const r = s.tp / Math.max(1, s.ng);
    const op = s.otp / Math.max(1, s.np);
    const or = s.ogHit / Math.max(1, s.ng);
    console.log(
      `${name.padEnd(15)} ${String(s.ng).padStart(5)} ${String(s.np).padStart(5)} |  ${p.toFixed(2)} ${r.toFixed(2)} ${f2(p, r).toFixed(3)} |  ${op.toFixed(2)} ${or.toFixed(2)} ${f2(op, or).toFixed(3)}`,
    );
  };
  for (const [t, s] of stats) {
    row(t, s);
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += s[k];
  }
  row('ALL (these 4)', all);
}

evaluate('presidio_synth_dataset_v2.jsonl', ['PERSON', 'LOCATION', 'ORGANIZATION', 'STREET_ADDRESS'], Infinity);
evaluate('wikiann_en_test.jsonl', ['PERSON', 'LOCATION', 'ORGANIZATION'], 3000);
