import { Command } from 'commander';
import { anonymize, InMemoryVault } from '../anonymize/index.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { formatFindingsText, printableFindings } from './format-findings.js';

/** The demo's sample: made-up people and test numbers (a test card, a documentation IBAN). */
export const DEMO_TEXT = [
  "Hi, I'm Maria Keller from Acme Logistics. Call me on +44 20 7946 0958 or write to maria.keller@example.com.",
  'My card 4111 1111 1111 1111 was charged twice; please refund it to DE89 3704 0044 0532 0130 00.',
  'I moved to 221 Baker Street, London last May. Also, the server at 192.168.1.20 keeps timing out.',
].join('\n');

/**
 * `bulwark demo`: tokenizes the sample text and shows before, after and the findings, then the
 * help of the whole CLI (`helpText`). What `npm start` runs until the gateway exists.
 */
export function demoCommand(io: CliIo, setExitCode: (code: number) => void, helpText: () => string): Command {
  return new Command('demo')
    .description('show a redaction of a built-in sample text (what `npm start` runs)')
    .action(async () => {
      const { scan } = await import('../scan/index.js');
      const findings = scan(DEMO_TEXT);
      const { text } = anonymize(DEMO_TEXT, findings, { default: { type: 'tokenize' }, vault: new InMemoryVault() });
      io.stdout.write(
        [
          'Bulwark demo: every finding is replaced by a stable placeholder (tokenize operator).',
          '',
          '--- before ---',
          DEMO_TEXT,
          '',
          '--- after ---',
          text,
          '',
          `--- findings (${findings.length}) ---`,
          formatFindingsText(printableFindings(DEMO_TEXT, findings, true)),
          'Try: echo "mail me at jane@example.org" | bulwark redact --operator EMAIL_ADDRESS=mask',
          '',
          helpText(),
        ].join('\n'),
      );
      setExitCode(EXIT.OK);
    });
}
