#!/usr/bin/env node
// Bundles the portable layers for the browser platform. esbuild fails when any of them reaches a
// Node-only module (node:fs, Buffer polyfills are not provided), which is the point of the check.
// Prints the bundle sizes so growth (e.g. of model weights) is visible in CI logs.
import { build } from 'esbuild';

const entries = {
  core: 'src/core/index.ts',
  scan: 'src/scan/index.ts',
  crypto: 'src/crypto/index.ts',
  anonymize: 'src/anonymize/index.ts',
};

let failed = false;
for (const [name, entry] of Object.entries(entries)) {
  try {
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      logLevel: 'silent',
      define: { 'process.env.NODE_ENV': '"production"' },
    });
    const bytes = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
    const text = result.outputFiles.map((f) => f.text).join('\n');
    // A bundle that mentions `process.env` or `require("fs")` would break in a browser at run time.
    if (/\bprocess\.env\b|require\(["'](node:)?fs["']\)/.test(text)) {
      console.error(`browser bundle ${name}: uses process.env or fs`);
      failed = true;
    }
    console.log(`browser bundle ${name.padEnd(10)} ${(bytes / 1024).toFixed(0).padStart(6)} KiB`);
  } catch (err) {
    failed = true;
    const errors = err && typeof err === 'object' && 'errors' in err ? err.errors : [err];
    for (const e of errors) console.error(`browser bundle ${name}: ${e.text ?? String(e)}`);
  }
}
process.exit(failed ? 1 : 0);
