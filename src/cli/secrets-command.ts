import { Command } from 'commander';
import { BulwarkError } from '../core/bulwark-error.js';
import type { Finding } from '../core/finding.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseByteSize } from './read-input.js';
import { loadBaseline } from './secrets-baseline.js';
import { compileExcludes, type ExcludeMatcher } from './secrets-exclude.js';
import { walkFiles } from './secrets-files.js';
import { scanGitHistory } from './secrets-git.js';
import { locateSecrets } from './secrets-locate.js';
import { printable, reportHuman, reportJson, summaryLine, type SecretReportItem } from './secrets-report.js';

interface SecretsScanFlags {
  readonly git?: boolean;
  readonly format: string;
  readonly json?: boolean;
  readonly baseline?: string;
  readonly exclude?: string[];
  readonly maxBytes: string;
  readonly exitZero?: boolean;
}

/** What one scan produced, before the baseline and output. */
interface ScanOutcome {
  readonly items: SecretReportItem[];
  readonly scanned: string;
  readonly skipped: string[];
}

interface ScanContext {
  readonly io: CliIo;
  readonly scan: (text: string) => readonly Finding[];
  readonly maxBytes: number;
  readonly maxBytesLabel: string;
  readonly exclude: ExcludeMatcher;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * `bulwark secrets scan [PATH...] [--git]`: finds credentials in files (directories walked) or in
 * the whole git history, prints them masked, and exits 1 when there are any.
 */
export function secretsCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const secrets = new Command('secrets').description('find credentials (API keys, tokens, private keys) in files or git history');
  const scan = new Command('scan')
    .description('scan files and directories, or with --git every commit of a repository; exits 1 when a secret is found')
    .argument('[paths...]', 'files or directories (default "."); with --git, repositories')
    .option('--git', 'scan the history of the git repository at PATH: every blob of every commit on every ref')
    .option('--format <format>', 'human or json', 'human')
    .option('--json', 'same as --format json')
    .option('--baseline <file>', 'ignore secrets whose fingerprint is in this earlier JSON report')
    .option('--exclude <glob>', 'skip matching paths, e.g. "*.lock" or "test/fixtures" (repeatable)', collect)
    .option('--max-bytes <size>', 'skip files (blobs) larger than this, with a notice (e.g. 512K, 10M)', '10M')
    .option('--exit-zero', 'exit 0 even when a secret is found')
    .action(async (paths: string[], flags: SecretsScanFlags) => {
      const format = flags.json ? 'json' : flags.format === 'text' ? 'human' : flags.format;
      if (format !== 'human' && format !== 'json') throw new BulwarkError('ERR_CLI_USAGE', `--format must be human or json, got "${flags.format}"`);
      const maxBytes = parseByteSize(flags.maxBytes);
      const exclude = compileExcludes(flags.exclude ?? []);
      const baseline = flags.baseline === undefined ? new Set<string>() : await loadBaseline(flags.baseline, io.stdin);
      const { createSecretScanner } = await import('../scan/secrets/index.js'); // detectors load only when needed
      const scanner = createSecretScanner();
      const context: ScanContext = { io, scan: (text) => scanner.scan(text), maxBytes, maxBytesLabel: flags.maxBytes, exclude };
      const roots = paths.length === 0 ? ['.'] : paths;
      if (flags.git && roots.length > 1) throw new BulwarkError('ERR_CLI_USAGE', '--git scans one repository at a time');
      const outcome = flags.git ? await scanHistory(roots[0]!, context) : await scanFiles(roots, context);
      const items = outcome.items.filter((i) => !baseline.has(i.fingerprint));
      io.stdout.write(format === 'json' ? reportJson(items) : reportHuman(items));
      io.stderr.write(summaryLine({ found: items.length, baselined: outcome.items.length - items.length, scanned: outcome.scanned, skipped: outcome.skipped }));
      setExitCode(items.length > 0 && !flags.exitZero ? EXIT.FINDINGS : EXIT.OK);
    });
  secrets.addCommand(scan);
  // The program configures `secrets` (exit override, error format) after this returns; pass that on.
  secrets.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  return secrets;
}

async function scanFiles(roots: readonly string[], ctx: ScanContext): Promise<ScanOutcome> {
  const items: SecretReportItem[] = [];
  let files = 0;
  const skipped = { binary: 0, too_large: 0, unreadable: 0 };
  for (const root of roots) {
    for await (const file of walkFiles(root, { maxBytes: ctx.maxBytes, exclude: ctx.exclude })) {
      if (file.kind === 'skipped') {
        skipped[file.reason]++;
        // Binary files are expected (images, archives); the others mean part of the tree went unscanned.
        if (file.reason === 'too_large') ctx.io.stderr.write(`bulwark: skipped ${printable(file.path)}: larger than --max-bytes ${ctx.maxBytesLabel}\n`);
        if (file.reason === 'unreadable') ctx.io.stderr.write(`bulwark: skipped ${printable(file.path)}: cannot be read\n`);
        continue;
      }
      files++;
      for (const hit of locateSecrets(file.text, ctx.scan(file.text))) items.push({ ...hit, path: file.path });
    }
  }
  return {
    items,
    scanned: `${files} file${files === 1 ? '' : 's'}`,
    skipped: [
      ...(skipped.binary > 0 ? [`${skipped.binary} binary skipped`] : []),
      ...(skipped.too_large > 0 ? [`${skipped.too_large} too large skipped`] : []),
      ...(skipped.unreadable > 0 ? [`${skipped.unreadable} unreadable skipped`] : []),
    ],
  };
}

async function scanHistory(root: string, ctx: ScanContext): Promise<ScanOutcome> {
  const result = await scanGitHistory(root, { scan: ctx.scan, maxBytes: ctx.maxBytes, exclude: ctx.exclude, env: ctx.io.env });
  const { commits, blobs, skippedLarge: large, skippedBinary: binary } = result;
  if (large > 0) ctx.io.stderr.write(`bulwark: skipped ${large} blob${large === 1 ? '' : 's'} larger than --max-bytes ${ctx.maxBytesLabel}\n`);
  return {
    items: result.hits,
    scanned: `${blobs} blob${blobs === 1 ? '' : 's'} of ${commits} commit${commits === 1 ? '' : 's'}`,
    skipped: [...(binary > 0 ? [`${binary} binary skipped`] : []), ...(large > 0 ? [`${large} too large skipped`] : [])],
  };
}
