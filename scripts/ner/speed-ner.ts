// Quick throughput check of the NER tier alone: `npx tsx scripts/ner/speed-ner.ts`.
// Scans ~1 MB of chat-like text (benign prompts + Presidio sentences) as one text and as 1 KB
// prompts; prints MB/s. Calls the tagger directly (the detectors memoise the last text). The official table is `npm run bench:scan`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadNerModel } from '../../src/scan/ner/load-ner-model.js';
import { tagEntities } from '../../src/scan/ner/tag-entities.js';

const data = resolve(import.meta.dirname, '../../../shared/data');
const texts: string[] = [];
for (const f of ['injection/self_instruct_benign.jsonl', 'injection/wildguard_benign.jsonl', 'pii/presidio_generated_large.jsonl']) {
  for (const line of readFileSync(resolve(data, f), 'utf8').split('\n')) {
    if (line) texts.push((JSON.parse(line) as { text: string }).text);
  }
}
let big = texts.join('\n');
while (big.length < 1_000_000) big += '\n' + big;
big = big.slice(0, 1_000_000);
const prompts: string[] = [];
for (let i = 0; i < big.length; i += 1000) prompts.push(big.slice(i, i + 1000));

const model = loadNerModel();
/** MB/s by wall clock and by this process's CPU time (fairer when other jobs share the cores). */
const run = (items: string[]): string => {
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const t of items) n += tagEntities(t, model).length;
  const cpu = process.cpuUsage(c0);
  const wall = (performance.now() - t0) / 1000;
  const mb = items.reduce((a, t) => a + t.length, 0) / 1e6;
  if (n < 0) console.log(n);
  return `${(mb / wall).toFixed(1)} MB/s wall, ${(mb / ((cpu.user + cpu.system) / 1e6)).toFixed(1)} MB/s cpu`;
};
for (let r = 0; r < 3; r++) run([big]);
console.log(`1 MB text:     ${run([big])}`);
for (let r = 0; r < 2; r++) run(prompts);
console.log(`1 KB prompts:  ${run(prompts)}`);
