import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSecretCases, type SecretCase } from './secrets-data.js';
import { checkSecretsGate } from './secrets-gate.js';
import { countBy, countCases, type ScoredCase } from './secrets-metrics.js';
import { formatRuleTable, formatSecretsSummary } from './secrets-report.js';

function scored(label: boolean, fired: boolean, rule = 'r', file = 'f.jsonl'): ScoredCase {
  const c: SecretCase = { file, line: 1, tool: 't', rule, text: 'x', label };
  return { case: c, detectors: fired ? ['secret.x'] : [] };
}

describe('secrets metrics', () => {
  it('counts text-level outcomes and derives precision, recall and F1', () => {
    const c = countCases([scored(true, true), scored(true, true), scored(true, false), scored(false, true), scored(false, false)]);
    expect(c).toMatchObject({ cases: 5, tp: 2, fn: 1, fp: 1, tn: 1 });
    expect(c.precision).toBeCloseTo(2 / 3);
    expect(c.recall).toBeCloseTo(2 / 3);
    expect(c.f1).toBeCloseTo(2 / 3);
  });

  it('reports null for a ratio without a denominator', () => {
    expect(countCases([scored(false, false)])).toMatchObject({ precision: null, recall: null, f1: null });
    expect(countCases([])).toMatchObject({ cases: 0, precision: null });
  });

  it('groups by a key, sorted', () => {
    const groups = countBy([scored(true, true, 'b'), scored(false, true, 'a'), scored(true, false, 'b')], (s) => s.case.rule);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('b')).toMatchObject({ tp: 1, fn: 1 });
  });

  it('prints the summary and only the rules with errors', () => {
    const all = [scored(true, true, 'ok'), scored(true, false, 'missed'), scored(false, true, 'noisy')];
    expect(formatSecretsSummary(countBy(all, (s) => s.case.file), countCases(all))).toContain('| **overall** | 3 | 1 | 1 | 1 | 0 |');
    const table = formatRuleTable('f', countBy(all, (s) => s.case.rule), all);
    expect(table).toContain('| missed |');
    expect(table).toContain('| noisy |');
    expect(table).toContain('secret.x 1');
    expect(table).not.toContain('| ok |');
  });
});

describe('secrets gate', () => {
  const overall = countCases([scored(true, true), scored(true, false), scored(false, false)]);

  it('passes at or above the floors', () => {
    expect(checkSecretsGate(overall, { minRecall: 0.5, minPrecision: 1 }, true)).toEqual([]);
  });

  it('fails below a floor, without floors, on partial data and on no data', () => {
    expect(checkSecretsGate(overall, { minRecall: 0.6 }, true)).toHaveLength(1);
    expect(checkSecretsGate(overall, {}, true)).toHaveLength(1);
    expect(checkSecretsGate(overall, { minRecall: 0.1 }, false)).toHaveLength(1);
    expect(checkSecretsGate(countCases([]), { minRecall: 0.1 }, true)).toHaveLength(1);
  });
});

describe('loadSecretCases', () => {
  it('reads the rule name of each source tool and skips blank lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulwark-secrets-'));
    const path = join(dir, 'cases.jsonl');
    await writeFile(
      path,
      [
        JSON.stringify({ tool: 'gitleaks', rule_id: 'github-pat', text: 'a', label: true }),
        '',
        JSON.stringify({ tool: 'detect-secrets', plugin_test: 'tests/plugins/aws_key_test.py', text: 'b', label: false }),
        JSON.stringify({ tool: 'secretlint', rule: 'secretlint-rule-npm', text: 'c', label: true }),
      ].join('\n'),
    );
    const cases = await loadSecretCases(path);
    expect(cases.map((c) => [c.rule, c.line, c.label])).toEqual([
      ['github-pat', 1, true],
      ['aws_key', 3, false],
      ['npm', 4, true],
    ]);
  });

  it('throws with the line number on a malformed case', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bulwark-secrets-'));
    const path = join(dir, 'bad.jsonl');
    await writeFile(path, `${JSON.stringify({ text: 'a', label: true })}\n${JSON.stringify({ text: 1, label: true })}\n`);
    await expect(loadSecretCases(path)).rejects.toThrow(/bad\.jsonl:2/);
  });
});
