import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * One labelled case of a secrets dataset: a text and whether the source tool's own test expects a
 * finding in it. `rule` names the tool's rule or plugin the case comes from.
 */
export interface SecretCase {
  /** The dataset file the case comes from (e.g. `gitleaks_rule_cases.jsonl`). */
  readonly file: string;
  /** 1-based line number in that file. */
  readonly line: number;
  readonly tool: string;
  readonly rule: string;
  readonly text: string;
  readonly label: boolean;
}

interface RawCase {
  tool?: unknown;
  text?: unknown;
  label?: unknown;
  rule_id?: unknown;
  plugin_test?: unknown;
  rule?: unknown;
}

function ruleOf(raw: RawCase): string {
  if (typeof raw.rule_id === 'string') return raw.rule_id;
  if (typeof raw.plugin_test === 'string') return basename(raw.plugin_test).replace(/_test\.py$/, '');
  if (typeof raw.rule === 'string') return raw.rule.replace(/^secretlint-rule-/, '');
  return 'unknown';
}

/**
 * Reads a secrets JSONL file (`{"tool","text","label", "rule_id"|"plugin_test"|"rule"}` per line).
 * Blank lines are skipped; a line without a string `text` or a boolean `label` throws with its
 * line number.
 */
export async function loadSecretCases(path: string): Promise<SecretCase[]> {
  const file = basename(path);
  const lines = (await readFile(path, 'utf8')).split('\n');
  const cases: SecretCase[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const raw = JSON.parse(line) as RawCase;
    if (typeof raw.text !== 'string' || typeof raw.label !== 'boolean') {
      throw new Error(`${path}:${i + 1}: "text" must be a string and "label" a boolean`);
    }
    cases.push({ file, line: i + 1, tool: typeof raw.tool === 'string' ? raw.tool : file, rule: ruleOf(raw), text: raw.text, label: raw.label });
  });
  return cases;
}
