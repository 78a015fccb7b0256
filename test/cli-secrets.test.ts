import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliProcess, type Run } from './cli-process.js';

// `bulwark secrets scan` as a real process, on real directories and a real git repository.
const cli = cliProcess('bulwark-cli-secrets-test');
beforeAll(() => cli.prepare(), 60_000);

function bulwark(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  return cli.run(args, '', env);
}

// Secrets in formats every secret scanner covers, random per run so no allow-list of published
// examples can match them.
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const pick = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]!).join('');

function base62(value: number, width: number): string {
  let out = '';
  for (let v = value; v > 0; v = Math.floor(v / 62)) out = BASE62[v % 62]! + out;
  return out.padStart(width, '0');
}

/** A GitHub classic token: `ghp_`, 30 random base62 characters, their CRC-32 in 6 base62 digits. */
function githubToken(): string {
  const body = pick(BASE62, 30);
  return `ghp_${body}${base62(crc32(body), 6)}`;
}

function pemKey(): string {
  const lines = Array.from({ length: 12 }, () => randomBytes(48).toString('base64'));
  return `-----BEGIN RSA PRIVATE KEY-----\n${lines.join('\n')}\n-----END RSA PRIVATE KEY-----`;
}

const AWS_KEY = `AKIA${pick(BASE32, 16)}`;
const GITHUB_TOKEN = githubToken();
const PEM = pemKey();
const SECRETS = [AWS_KEY, GITHUB_TOKEN, PEM];

const base = mkdtempSync(join(tmpdir(), 'bulwark-cli-secrets-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const tree = join(base, 'tree');
const clean = join(base, 'clean');
const repo = join(base, 'repo');
const outside = join(base, 'outside');
let firstCommit = '';

const gitEnv = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.org', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.org' };
function git(...args: string[]): string {
  return execFileSync('git', ['-C', repo, ...args], { env: gitEnv, encoding: 'utf8' }).trim();
}

function put(path: string, content: string | Uint8Array): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

beforeAll(() => {
  put(join(tree, 'config', '.env'), `# app settings\nAWS_REGION=eu-west-1\nAWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
  put(join(tree, 'notes.md'), `Deploy with the token ${GITHUB_TOKEN} (rotate!)\n`);
  put(join(tree, 'keys', 'deploy_key'), `${PEM}\n`);
  put(join(tree, 'README.md'), 'Nothing to see here.\n');
  put(join(tree, 'node_modules', 'pkg', 'leak.js'), `const k = "${AWS_KEY}";\n`);
  put(join(outside, 'leak.txt'), `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
  symlinkSync(outside, join(tree, 'link-out'));
  put(join(clean, 'a.txt'), 'plain prose, no credentials\n');
  put(join(clean, 'sub', 'b.json'), '{"name": "demo", "version": "1.0.0"}\n');

  mkdirSync(repo, { recursive: true });
  git('init', '-q', '-b', 'main');
  put(join(repo, 'app.js'), 'console.log("hi");\n');
  put(join(repo, '.env'), `AWS_ACCESS_KEY_ID=${AWS_KEY}\n`);
  git('add', '-A');
  git('commit', '-q', '-m', 'first');
  firstCommit = git('rev-parse', 'HEAD');
  git('rm', '-q', '.env');
  git('commit', '-q', '-m', 'remove the env file');
}, 30_000);

function expectNoSecretShown(run: Run): void {
  for (const secret of SECRETS) {
    for (const piece of [secret, secret.slice(0, 12), secret.slice(-12)]) {
      expect(run.stdout).not.toContain(piece);
      expect(run.stderr).not.toContain(piece);
    }
  }
  expect(run.stderr).not.toContain('    at ');
}

interface JsonFinding {
  path: string;
  line: number;
  column: number;
  detector: string;
  preview: string;
  fingerprint: string;
  commit?: string;
  date?: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('bulwark secrets scan (files)', () => {
  it('finds planted secrets, prints path:line:col, detector and a masked preview, and exits 1', async () => {
    const run = await bulwark(['secrets', 'scan', tree]);
    expect(run.code).toBe(1);
    expectNoSecretShown(run);
    expect(run.stdout).toMatch(new RegExp(`config/\\.env:3:19\\s+secret\\.\\S+\\s+AKIA…`));
    expect(run.stdout).toMatch(/notes\.md:1:\d+\s+secret\.\S+\s+ghp_…/);
    expect(run.stdout).toMatch(/keys\/deploy_key:1:1\s+secret\.\S+\s+----…/);
    expect(run.stdout).not.toContain('node_modules');
    expect(run.stdout).not.toContain('link-out');
    expect(run.stderr).toMatch(/^bulwark: \d+ secrets found in 4 files\n$/);
  });

  it('--format json (and --json) prints findings with fingerprints, never values', async () => {
    const [run, alias] = await Promise.all([bulwark(['secrets', 'scan', tree, '--format', 'json']), bulwark(['secrets', 'scan', tree, '--json'])]);
    expect(run.code).toBe(1);
    expect(alias.stdout).toBe(run.stdout);
    expectNoSecretShown(run);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    const aws = findings.find((f) => f.path.endsWith('.env'));
    expect(aws).toMatchObject({ line: 3, column: 19, preview: 'AKIA…', fingerprint: sha256(AWS_KEY) });
    expect(aws?.detector).toMatch(/^secret\./);
    expect(findings.map((f) => f.fingerprint)).toEqual(expect.arrayContaining(SECRETS.map(sha256)));
  });

  it('exits 0 on a clean directory', async () => {
    const [human, json] = await Promise.all([bulwark(['secrets', 'scan', clean]), bulwark(['secrets', 'scan', clean, '--format', 'json'])]);
    expect(human).toMatchObject({ code: 0, stdout: '', stderr: 'bulwark: no secrets found in 2 files\n' });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([]);
  });

  it('--baseline ignores the secrets of an earlier report', async () => {
    const report = await bulwark(['secrets', 'scan', tree, '--json']);
    const baseline = join(base, 'baseline.json');
    writeFileSync(baseline, report.stdout);
    const run = await bulwark(['secrets', 'scan', tree, '--baseline', baseline]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/no secrets found in 4 files \(\d+ in the baseline\)/);
  });

  it('--exclude skips matching paths; --exit-zero keeps exit 0', async () => {
    const [excluded, zero] = await Promise.all([
      bulwark(['secrets', 'scan', tree, '--exclude', 'config', '--exclude', '*.md', '--exclude', 'keys/*']),
      bulwark(['secrets', 'scan', tree, '--exit-zero']),
    ]);
    expect(excluded).toMatchObject({ code: 0, stdout: '' });
    expect(zero.code).toBe(0);
    expect(zero.stdout).toContain('AKIA…');
  });

  it('skips files over --max-bytes with a notice', async () => {
    const run = await bulwark(['secrets', 'scan', tree, '--max-bytes', '100']);
    expect(run.stderr).toMatch(/bulwark: skipped .*deploy_key: larger than --max-bytes 100\n/);
    expect(run.stdout).not.toContain('deploy_key');
  });
});

describe('bulwark secrets scan --git', () => {
  it('finds a .env that was committed and then removed, with the commit that added it', async () => {
    const run = await bulwark(['secrets', 'scan', '--git', repo]);
    expect(run.code).toBe(1);
    expectNoSecretShown(run);
    expect(run.stdout).toMatch(new RegExp(`^\\.env:1:19\\s+secret\\.\\S+\\s+AKIA…\\s+commit ${firstCommit.slice(0, 12)} \\d{4}-\\d\\d-\\d\\d\\n$`));
    expect(run.stderr).toMatch(/1 secret found in \d+ blobs of 2 commits/);
  });

  it('reports commit, date and path in JSON', async () => {
    const run = await bulwark(['secrets', 'scan', '--git', repo, '--format', 'json']);
    const findings = JSON.parse(run.stdout) as JsonFinding[];
    expect(findings).toEqual([expect.objectContaining({ path: '.env', line: 1, commit: firstCommit, fingerprint: sha256(AWS_KEY), preview: 'AKIA…' })]);
    expect(findings[0]?.date).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('the work tree alone is clean: the secret lives only in history', async () => {
    const run = await bulwark(['secrets', 'scan', repo]);
    expect(run.code).toBe(0);
  });
});

describe('bulwark secrets scan: errors are one line with a code, never a stack', () => {
  const plain = join(base, 'not-a-repo');
  mkdirSync(plain, { recursive: true });
  const badBaseline = join(base, 'bad-baseline.json');
  writeFileSync(badBaseline, '{"not": "a report"}');

  it.concurrent.each([
    ['--git on a directory that is no repository', 2, 'ERR_CLI_NOT_A_GIT_REPO', ['secrets', 'scan', '--git', plain]],
    ['--git with two paths', 2, 'ERR_CLI_USAGE', ['secrets', 'scan', '--git', plain, plain]],
    ['a missing path', 3, 'ERR_INPUT_NOT_FOUND', ['secrets', 'scan', join(base, 'missing')]],
    ['a missing path with --git', 3, 'ERR_INPUT_NOT_FOUND', ['secrets', 'scan', '--git', join(base, 'missing')]],
    ['an unknown format', 2, 'ERR_CLI_USAGE', ['secrets', 'scan', clean, '--format', 'sarif-ish']],
    ['a bad --max-bytes', 2, 'ERR_CLI_USAGE', ['secrets', 'scan', clean, '--max-bytes', 'lots']],
    ['a missing baseline', 3, 'ERR_INPUT_NOT_FOUND', ['secrets', 'scan', clean, '--baseline', join(base, 'none.json')]],
    ['a baseline that is no report', 2, 'ERR_CLI_BASELINE_INVALID', ['secrets', 'scan', clean, '--baseline', badBaseline]],
    ['an invalid --exclude glob', 2, 'ERR_CLI_USAGE', ['secrets', 'scan', clean, '--exclude', '[z-a]']],
    ['an unknown flag', 2, 'ERR_CLI_USAGE', ['secrets', 'scan', '--verbose']],
  ] as const)('%s -> exit %i %s', async (_name, exit, code, args) => {
    const run = await bulwark(args);
    expect(run.code).toBe(exit);
    expect(run.stderr).toMatch(new RegExp(`^bulwark: .+ \\(${code}\\)\\n$`));
    expect(run.stdout).toBe('');
  });
});
