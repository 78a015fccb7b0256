import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import type { CliIo } from './cli-io.js';
import { demoCommand } from './demo-command.js';
import { EXIT, EXIT_CODES_HELP } from './exit-codes.js';
import { KEY_ENV } from './anonymize-key.js';
import { keysCommand } from './keys-command.js';
import { redactCommand } from './redact-command.js';
import { reportError } from './report-error.js';
import { scanCommand } from './scan-command.js';
import { secretsCommand } from './secrets-command.js';
import { serveCommand } from './serve-command.js';

const HELP_FOOTER = `
${EXIT_CODES_HELP}

Errors print "bulwark: <message> (<CODE>)" on stderr; the codes are stable (docs/cli.md).

Environment:
  ${KEY_ENV}   32-byte key (hex or base64) for the hash and encrypt operators

Examples:
  bulwark scan notes.txt --format text
  cat prompt.txt | bulwark scan --entities EMAIL_ADDRESS,PHONE_NUMBER --exit-zero
  bulwark redact notes.txt --operator EMAIL_ADDRESS=mask:4 --operator '*=redact'
  bulwark redact notes.txt --policy examples/policy.yaml --key-file bulwark.key
  bulwark secrets scan . --exclude '*.lock'
  bulwark secrets scan --git . --format json > secrets-baseline.json`;

function packageVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url);
    return (JSON.parse(readFileSync(url, 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/**
 * Runs the CLI with `argv` (without the node and script entries) and returns the exit code. Every
 * error ends here as one line on stderr; nothing is thrown.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.OK;
  const setExitCode = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('bulwark')
    .description('Find and redact PII in text (Bulwark, a privacy gateway for LLM apps).')
    .version(packageVersion(), '-V, --version')
    .addHelpText('after', HELP_FOOTER)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(`bulwark: ${s.replace(/^error:\s*/, '').trim()} (ERR_CLI_USAGE)\n`),
    });
  const help = (): string => `${program.helpInformation()}${HELP_FOOTER}\n`;
  for (const command of [scanCommand(io, setExitCode), redactCommand(io, setExitCode), demoCommand(io, setExitCode, help), serveCommand(io, setExitCode), keysCommand(io, setExitCode), secretsCommand(io, setExitCode)]) {
    program.addCommand(command.exitOverride().configureOutput(program.configureOutput()));
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return EXIT.OK;
      return EXIT.USAGE;
    }
    return reportError(err, io.stderr);
  }
}
