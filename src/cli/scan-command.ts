import { Command } from 'commander';
import { BulwarkError } from '../core/bulwark-error.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { formatFindingsText, printableFindings } from './format-findings.js';
import { readInput } from './read-input.js';
import { addScanFlags, maxBytesFromFlags, scanOptionsFromFlags, type ScanFlags } from './scan-flags.js';
import { requireInput } from './require-input.js';

interface ScanCommandFlags extends ScanFlags {
  readonly format: string;
  readonly showValues?: boolean;
  readonly exitZero?: boolean;
}

/** `bulwark scan [FILE]`: prints the findings; exits 1 when there are any (unless --exit-zero). */
export function scanCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('scan')
    .description('find PII in a file or stdin and print the findings (offsets are UTF-16 code units)')
    .argument('[file]', 'file to scan; stdin when omitted or "-"')
    .option('--format <format>', 'json or text', 'json')
    .option('--show-values', 'include the matched text in the output (off: output may be logged)')
    .option('--exit-zero', 'exit 0 even when something is found');
  addScanFlags(command);
  return command.action(async (file: string | undefined, flags: ScanCommandFlags) => {
    if (flags.format !== 'json' && flags.format !== 'text') {
      throw new BulwarkError('ERR_CLI_USAGE', `--format must be json or text, got "${flags.format}"`);
    }
    const { createScanner } = await import('../scan/index.js'); // the detectors load only when needed
    const scanner = createScanner(scanOptionsFromFlags(flags));
    const maxBytes = maxBytesFromFlags(flags);
    requireInput(file, io);
    const text = await readInput(file, io.stdin, maxBytes);
    const findings = printableFindings(text, scanner.scan(text), flags.showValues === true);
    io.stdout.write(flags.format === 'json' ? `${JSON.stringify(findings, null, 2)}\n` : formatFindingsText(findings));
    setExitCode(findings.length > 0 && !flags.exitZero ? EXIT.FINDINGS : EXIT.OK);
  });
}
