#!/usr/bin/env node
import { EXIT } from './exit-codes.js';
import { reportError } from './report-error.js';

// `bulwark scan big.txt | head` closes the pipe early; that is not an error worth a stack.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  process.exit(err.code === 'EPIPE' ? EXIT.OK : EXIT.INTERNAL);
});

try {
  // Imported here, not statically, so even a module that fails to load (a corrupt model file)
  // ends as one line on stderr and exit 70 instead of Node's stack trace.
  const { runCli } = await import('./program.js');
  const { processIo } = await import('./cli-io.js');
  process.exitCode = await runCli(process.argv.slice(2), processIo());
} catch (err) {
  process.exitCode = reportError(err, process.stderr);
}
