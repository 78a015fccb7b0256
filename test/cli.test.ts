import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProcess, type Run } from './cli-process.js';

const cli = cliProcess('bulwark-cli-test');
const KEY_HEX = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';

beforeAll(() => cli.prepare(), 60_000);

function bulwark(args: readonly string[], input: string | Uint8Array = '', env: Record<string, string> = {}): Promise<Run> {
  return cli.run(args, input, { BULWARK_ANONYMIZE_KEY: '', ...env });
}

const dir = mkdtempSync(join(tmpdir(), 'bulwark-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

// An emoji (two UTF-16 units) before the email checks that offsets are UTF-16 indices.
const EMAIL = 'jane.doe@example.org';
const TEXT = `Hi 😀 please write to ${EMAIL} about the invoice.`;
const CLEAN = 'please summarise the attached notes for tomorrow.';

interface Finding {
  type: string;
  start: number;
  end: number;
  score: number;
  detector: string;
  reason: string;
  text?: string;
}

function expectNoStack(run: Run): void {
  expect(run.stderr).not.toContain('    at ');
  expect(run.stdout).not.toContain('    at ');
}

describe('bulwark scan', () => {
  it('prints JSON findings with UTF-16 offsets and no values, and exits 1', async () => {
    const run = await bulwark(['scan'], TEXT);
    expect(run.code).toBe(1);
    const findings = JSON.parse(run.stdout) as Finding[];
    const email = findings.find((f) => f.type === 'EMAIL_ADDRESS');
    expect(email).toBeDefined();
    expect(TEXT.slice(email!.start, email!.end)).toBe(EMAIL);
    expect(Object.keys(email!).sort()).toEqual(['detector', 'end', 'reason', 'score', 'start', 'type']);
    expect(run.stdout).not.toContain(EMAIL);
    expectNoStack(run);
  });

  it('adds the matched text only with --show-values', async () => {
    const run = await bulwark(['scan', '--show-values', '--entities', 'EMAIL_ADDRESS'], TEXT);
    const findings = JSON.parse(run.stdout) as Finding[];
    expect(findings.map((f) => f.text)).toEqual([EMAIL]);
  });

  it('exits 0 with an empty list on PII-free text', async () => {
    const run = await bulwark(['scan'], CLEAN);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('exits 0 on empty input', async () => {
    const run = await bulwark(['scan'], '');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('--exit-zero exits 0 even with findings', async () => {
    const run = await bulwark(['scan', '--exit-zero'], TEXT);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Finding[]).length).toBeGreaterThan(0);
  });

  it('--entities restricts the reported types', async () => {
    const run = await bulwark(['scan', '--entities', 'PHONE_NUMBER'], TEXT);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([]);
  });

  it('reads a file argument, and "-" as stdin, the same way', async () => {
    const file = tempFile('input.txt', TEXT);
    const [fromFile, fromDash] = await Promise.all([bulwark(['scan', file]), bulwark(['scan', '-'], TEXT)]);
    expect(fromFile.code).toBe(1);
    expect(fromFile.stdout).toBe(fromDash.stdout);
  });

  it('--format text prints one line per finding', async () => {
    const run = await bulwark(['scan', '--format', 'text', '--entities', 'EMAIL_ADDRESS'], TEXT);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\d+-\d+\s+EMAIL_ADDRESS\s+\d\.\d\d\s+\S+/);
    expect(run.stdout).not.toContain(EMAIL);
  });

  it('drops allow-listed values', async () => {
    const run = await bulwark(['scan', '--entities', 'EMAIL_ADDRESS', '--allow', EMAIL.toUpperCase()], TEXT);
    expect(run.code).toBe(0);
  });
});

describe('bulwark redact', () => {
  it('replaces findings with <TYPE> by default and keeps the rest byte for byte', async () => {
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS'], TEXT);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(TEXT.replace(EMAIL, '<EMAIL_ADDRESS>'));
  });

  it('applies --operator TYPE=mask:N', async () => {
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--operator', 'EMAIL_ADDRESS=mask:4'], TEXT);
    expect(run.stdout).toBe(TEXT.replace(EMAIL, `${'*'.repeat(EMAIL.length - 4)}.org`));
  });

  it('applies the default operator from *=OP', async () => {
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--operator', '*=redact'], TEXT);
    expect(run.stdout).toBe(TEXT.replace(EMAIL, ''));
  });

  it('replace:TEXT keeps colons in the replacement', async () => {
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--operator', 'EMAIL_ADDRESS=replace:[mail: hidden]'], TEXT);
    expect(run.stdout).toBe(TEXT.replace(EMAIL, '[mail: hidden]'));
  });

  it('follows a YAML policy; tokenize gives equal values one placeholder', async () => {
    const policy = tempFile('policy.yaml', 'default: {type: redact}\nentities:\n  EMAIL_ADDRESS: tokenize\n');
    const input = `${EMAIL} and again ${EMAIL}, not other@example.com`;
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--policy', policy], input);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('⟦EMAIL_1⟧ and again ⟦EMAIL_1⟧, not ⟦EMAIL_2⟧');
  });

  it('flags override the policy', async () => {
    const policy = tempFile('policy-mask.yaml', 'entities:\n  EMAIL_ADDRESS: {type: mask, keepLast: 4}\n');
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--policy', policy, '--operator', 'EMAIL_ADDRESS=redact'], TEXT);
    expect(run.stdout).toBe(TEXT.replace(EMAIL, ''));
  });

  it('ships a valid example policy', async () => {
    const run = await bulwark(['redact', '--policy', 'examples/policy.yaml'], CLEAN);
    expect(run).toMatchObject({ code: 0, stdout: CLEAN, stderr: '' });
  });

  it('hashes with the key from BULWARK_ANONYMIZE_KEY or --key-file, equally', async () => {
    const keyFile = tempFile('key.txt', `${KEY_HEX}\n`);
    const args = ['redact', '--entities', 'EMAIL_ADDRESS', '--operator', 'EMAIL_ADDRESS=hash:16'];
    const [fromEnv, fromFile] = await Promise.all([
      bulwark(args, `${EMAIL} ${EMAIL}`, { BULWARK_ANONYMIZE_KEY: KEY_HEX }),
      bulwark([...args, '--key-file', keyFile], `${EMAIL} ${EMAIL}`),
    ]);
    expect(fromEnv.code).toBe(0);
    expect(fromEnv.stdout).toMatch(/^([0-9a-f]{16}) \1$/);
    expect(fromFile.stdout).toBe(fromEnv.stdout);
  });

  it('encrypts with the key and never prints the value', async () => {
    const run = await bulwark(['redact', '--entities', 'EMAIL_ADDRESS', '--operator', 'EMAIL_ADDRESS=encrypt'], TEXT, {
      BULWARK_ANONYMIZE_KEY: KEY_HEX,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(EMAIL);
    expect(run.stdout.startsWith('Hi 😀 please write to ')).toBe(true);
  });
});

describe('bulwark demo and help', () => {
  it('demo shows before, after, findings and the help', async () => {
    const run = await bulwark(['demo']);
    expect(run.code).toBe(0);
    for (const part of ['--- before ---', '--- after ---', '--- findings', 'Usage: bulwark', 'Exit codes:']) {
      expect(run.stdout).toContain(part);
    }
  });

  it('--help documents the exit codes', async () => {
    const run = await bulwark(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:[\s\S]*\b70\b/);
  });
});

const BINARY = new Uint8Array([0x68, 0x69, 0x00, 0x01, 0x02]);
// More byte-level variants are unit-tested in src/cli/read-input.test.ts.
const BAD_UTF8 = [
  ['a lone continuation byte', new Uint8Array([0x61, 0x80, 0x62])],
  ['an encoded surrogate', new Uint8Array([0xed, 0xa0, 0x80])],
] as const;

describe('errors: one line with a code, a documented exit code, never a stack', () => {
  const cases: [string, number, string, () => Promise<Run>][] = [
    ['missing file', 3, 'ERR_INPUT_NOT_FOUND', () => bulwark(['scan', join(dir, 'nope.txt')])],
    ['a directory', 3, 'ERR_INPUT_NOT_FOUND', () => bulwark(['scan', dir])],
    ['binary on stdin', 3, 'ERR_INPUT_BINARY', () => bulwark(['scan'], BINARY)],
    ['binary file for redact', 3, 'ERR_INPUT_BINARY', () => bulwark(['redact', tempFile('bin.dat', BINARY)])],
    ...BAD_UTF8.map(
      ([name, bytes]): [string, number, string, () => Promise<Run>] => [
        `invalid UTF-8: ${name}`,
        3,
        'ERR_INPUT_NOT_UTF8',
        () => bulwark(['scan'], bytes),
      ],
    ),
    ['invalid UTF-8 file', 3, 'ERR_INPUT_NOT_UTF8', () => bulwark(['scan', tempFile('latin1.txt', new Uint8Array([0x63, 0xe9]))])],
    ['file over --max-bytes', 3, 'ERR_INPUT_TOO_LARGE', () => bulwark(['scan', '--max-bytes', '100', tempFile('big.txt', 'a'.repeat(101))])],
    ['stdin over --max-bytes', 3, 'ERR_INPUT_TOO_LARGE', () => bulwark(['scan', '--max-bytes', '1K'], 'a'.repeat(300_000))],
    ['stdin over the 10 MiB default', 3, 'ERR_INPUT_TOO_LARGE', () => bulwark(['redact'], new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61))],
    ['bad --max-bytes', 2, 'ERR_CLI_USAGE', () => bulwark(['scan', '--max-bytes', 'lots'], CLEAN)],
    ['unknown entity in --entities', 2, 'ERR_SCAN_UNKNOWN_ENTITY', () => bulwark(['scan', '--entities', 'EMAIL_ADDRESS,SHOE_SIZE'], CLEAN)],
    ['unknown entity for redact', 2, 'ERR_SCAN_UNKNOWN_ENTITY', () => bulwark(['redact', '--entities', 'SHOE_SIZE'], CLEAN)],
    ['unknown entity in --operator', 2, 'ERR_SCAN_UNKNOWN_ENTITY', () => bulwark(['redact', '--operator', 'SHOE_SIZE=mask'], CLEAN)],
    ['unknown operator', 2, 'ERR_ANONYMIZE_UNKNOWN_OPERATOR', () => bulwark(['redact', '--operator', 'EMAIL_ADDRESS=shred'], CLEAN)],
    ['operator argument that is not a number', 2, 'ERR_ANONYMIZE_INVALID_OPTION', () => bulwark(['redact', '--operator', 'EMAIL_ADDRESS=mask:x'], CLEAN)],
    ['operator flag without =', 2, 'ERR_CLI_USAGE', () => bulwark(['redact', '--operator', 'mask'], CLEAN)],
    ['hash without a key', 2, 'ERR_CLI_KEY_MISSING', () => bulwark(['redact', '--operator', 'PERSON=hash'], CLEAN)],
    ['a malformed key', 2, 'ERR_CRYPTO_INVALID_KEY', () => bulwark(['redact', '--operator', '*=encrypt'], CLEAN, { BULWARK_ANONYMIZE_KEY: 'c2VjcmV0' })],
    ['a missing key file', 3, 'ERR_INPUT_NOT_FOUND', () => bulwark(['redact', '--operator', '*=hash', '--key-file', join(dir, 'no.key')], CLEAN)],
    ['a missing policy file', 3, 'ERR_INPUT_NOT_FOUND', () => bulwark(['redact', '--policy', join(dir, 'no.yaml')], CLEAN)],
    ['threshold out of range', 2, 'ERR_SCAN_INVALID_OPTION', () => bulwark(['scan', '--threshold', '1.5'], CLEAN)],
    ['threshold not a number', 2, 'ERR_SCAN_INVALID_OPTION', () => bulwark(['scan', '--threshold', 'high'], CLEAN)],
    ['a bad region', 2, 'ERR_SCAN_INVALID_OPTION', () => bulwark(['scan', '--region', 'Germany'], CLEAN)],
    ['unknown format', 2, 'ERR_CLI_USAGE', () => bulwark(['scan', '--format', 'xml'], CLEAN)],
    ['unknown flag', 2, 'ERR_CLI_USAGE', () => bulwark(['scan', '--verbose'], CLEAN)],
    ['unknown command', 2, 'ERR_CLI_USAGE', () => bulwark(['shred'], CLEAN)],
    ['a flag missing its value', 2, 'ERR_CLI_USAGE', () => bulwark(['scan', '--entities'])],
  ];

  // Every policy mistake is unit-tested in src/cli/redaction-policy.test.ts; these check the wiring.
  const policies: [string, string][] = [
    ['not YAML', 'default: {type: [unclosed\n'],
    ['an unknown entity', 'entities:\n  SHOE_SIZE: redact\n'],
    ['a bad mask character', 'entities:\n  EMAIL_ADDRESS: {type: mask, char: "ab"}\n'],
    ['a hash length out of range', 'default: {type: hash, length: 3}\n'],
  ];
  policies.forEach(([name, yaml], i) => {
    cases.push([
      `policy with ${name}`,
      2,
      'ERR_POLICY_INVALID',
      () => bulwark(['redact', '--policy', tempFile(`bad-${i}.yaml`, yaml)], CLEAN, { BULWARK_ANONYMIZE_KEY: KEY_HEX }),
    ]);
  });

  it.concurrent.each(cases)('%s -> exit %i %s', async (_name, exitCode, code, run) => {
    const result = await run();
    expect(result.code).toBe(exitCode);
    expect(result.stderr).toMatch(new RegExp(`^bulwark: .+ \\(${code}\\)\\n$`));
    expect(result.stdout).toBe('');
    expectNoStack(result);
  });

  it('never echoes a malformed key', async () => {
    const secret = 'not-a-real-key-but-secret';
    const run = await bulwark(['redact', '--operator', '*=hash'], CLEAN, { BULWARK_ANONYMIZE_KEY: secret });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain(secret);
  });

  it('a key file that is a directory is an input error', async () => {
    const keyDir = join(dir, 'keydir');
    mkdirSync(keyDir, { recursive: true });
    const run = await bulwark(['redact', '--operator', '*=hash', '--key-file', keyDir], CLEAN);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('ERR_INPUT_NOT_FOUND');
  });
});
