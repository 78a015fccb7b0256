import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/** What one CLI process left behind. */
export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The project root: CLI processes run there. */
export const ROOT = resolve(import.meta.dirname, '..');
const VIA_TSX = process.env.BULWARK_CLI_TEST_TSX === '1';

/**
 * Runs the CLI as a real process, the way a user or a CI job does. `prepare` bundles
 * src/cli/bin.ts once with esbuild (what tsx does per file), because starting tsx per process
 * costs seconds on a busy 2-core box; each suite passes its own `name` so suites running at the
 * same time never share an output file. BULWARK_CLI_TEST_TSX=1 runs through tsx instead.
 */
export function cliProcess(name: string) {
  const bundle = join(ROOT, 'node_modules', '.cache', name, 'bin.mjs');
  return {
    async prepare(): Promise<void> {
      if (VIA_TSX) return;
      // Packages stay external: they resolve from the project's node_modules, above the bundle.
      await build({
        entryPoints: [join(ROOT, 'src', 'cli', 'bin.ts')],
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        packages: 'external',
        outfile: bundle,
        logLevel: 'silent',
      });
    },
    /** Runs `bulwark ...args` with `input` on stdin and `env` over the test's environment. */
    run(args: readonly string[], input: string | Uint8Array = '', env: Record<string, string> = {}): Promise<Run> {
      return new Promise((done, fail) => {
        const entry = VIA_TSX ? ['--import', 'tsx', 'src/cli/bin.ts'] : [bundle];
        const child = spawn(process.execPath, [...entry, ...args], { cwd: ROOT, env: { ...process.env, ...env } });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
        child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
        child.on('error', fail);
        child.on('close', (code) => done({ code, stdout, stderr }));
        child.stdin.on('error', () => {}); // the CLI may stop reading early (too large)
        child.stdin.end(input);
      });
    },
  };
}
