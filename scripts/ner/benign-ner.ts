// Quick false-positive check of the NER tier alone on text without entities:
// `npx tsx scripts/ner/benign-ner.ts [--show N]`. Counts texts that get any NER finding at the
// default threshold: the held-out benign prompts (self_instruct_benign, never trained on) and the
// entity-free texts of wnut17_dev and germeval2014_dev (held out too). Prints the most frequent
// false-positive strings so the cause is visible.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nerDetectors } from '../../src/scan/ner/ner-detectors.js';

const show = Number(process.argv[process.argv.indexOf('--show') + 1] || 15);
const data = resolve(import.meta.dirname, '../../../shared/data');

function texts(file: string, entityFreeOnly: boolean): string[] {
  const out: string[] = [];
  for (const line of readFileSync(resolve(data, file), 'utf8').split('\n')) {
    if (!line) continue;
    const rec = JSON.parse(line) as { text: string; spans?: unknown[] };
    if (entityFreeOnly && (rec.spans?.length ?? 0) > 0) continue;
    out.push(rec.text);
  }
  return out;
}

function check(name: string, items: readonly string[]): void {
  let altered = 0;
  let findings = 0;
  const byType = new Map<string, number>();
  const strings = new Map<string, number>();
  for (const text of items) {
    const found = nerDetectors.flatMap((d) => d.detect(text, { regions: ['US'] })).filter((f) => f.score >= 0.5);
    if (found.length > 0) altered++;
    findings += found.length;
    for (const f of found) {
      byType.set(f.type, (byType.get(f.type) ?? 0) + 1);
      const key = `${f.type} ${JSON.stringify(text.slice(f.start, f.end))}`;
      strings.set(key, (strings.get(key) ?? 0) + 1);
    }
  }
  const pct = ((100 * altered) / Math.max(1, items.length)).toFixed(1);
  console.log(`\n${name}: ${altered} / ${items.length} texts altered (${pct}%), ${findings} findings ${JSON.stringify(Object.fromEntries(byType))}`);
  const top = [...strings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, show);
  for (const [k, n] of top) console.log(`  ${String(n).padStart(3)}  ${k}`);
}

check('self_instruct_benign', texts('injection/self_instruct_benign.jsonl', false));
check('wnut17_dev (entity-free)', texts('pii/wnut17_dev.jsonl', true));
check('germeval2014_dev (entity-free)', texts('pii/germeval2014_dev.jsonl', true));
