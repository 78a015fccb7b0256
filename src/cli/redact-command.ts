import { Command } from 'commander';
import { anonymize } from '../anonymize/index.js';
import { ENTITY_TYPES } from '../core/entity-types.js';
import { loadAnonymizeKey, KEY_ENV } from './anonymize-key.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { readInput } from './read-input.js';
import { buildRedactionPlan } from './redaction-plan.js';
import { loadRedactionPolicy } from './redaction-policy.js';
import { requireInput } from './require-input.js';
import { addScanFlags, maxBytesFromFlags, scanOptionsFromFlags, type ScanFlags } from './scan-flags.js';

interface RedactFlags extends ScanFlags {
  readonly operator?: string[];
  readonly policy?: string;
  readonly keyFile?: string;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** `bulwark redact [FILE]`: writes the anonymized text to stdout. */
export function redactCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const command = new Command('redact')
    .description('write the text with PII replaced to stdout (default operator: replace, e.g. <EMAIL_ADDRESS>)')
    .argument('[file]', 'file to redact; stdin when omitted or "-"')
    .option(
      '--operator <TYPE=OP[:arg]>',
      'operator for an entity type, repeatable; "*" is the default. OP: keep, redact, replace[:TEXT], ' +
        'mask[:KEEP_LAST[:CHAR]], hash[:HEX_CHARS], encrypt, tokenize',
      collect,
    )
    .option('--policy <file>', 'YAML policy: `default: {type: ...}` and `entities: {TYPE: {type: ...}}`')
    .option('--key-file <file>', `32-byte key (hex or base64) for hash/encrypt; else $${KEY_ENV}`);
  addScanFlags(command);
  return command.action(async (file: string | undefined, flags: RedactFlags) => {
    const { createScanner } = await import('../scan/index.js'); // the detectors load only when needed
    const scanner = createScanner(scanOptionsFromFlags(flags));
    const maxBytes = maxBytesFromFlags(flags);
    const known = new Set<string>([...ENTITY_TYPES, ...scanner.entities]);
    const policy = flags.policy === undefined ? undefined : { path: flags.policy, policy: await loadRedactionPolicy(flags.policy, known) };
    const plan = await buildRedactionPlan({
      ...(policy ? { policy } : {}),
      operatorFlags: flags.operator ?? [],
      knownEntities: known,
      loadKey: () => loadAnonymizeKey(flags.keyFile, io.env),
    });
    requireInput(file, io);
    const text = await readInput(file, io.stdin, maxBytes);
    io.stdout.write(anonymize(text, scanner.scan(text), plan).text);
    setExitCode(EXIT.OK);
  });
}
