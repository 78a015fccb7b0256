import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

// The secret scanner is meant to be bundled alone (a browser extension, an edge worker): it must not
// pull in the default PII detectors, whose name model is over a megabyte.
describe('secrets module bundle', () => {
  it('bundles for the browser without the default detectors or the name model', async () => {
    const result = await build({
      entryPoints: ['src/scan/secrets/index.ts'],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((p) => p.includes('src/scan/secrets/rules/'))).toBe(true);
    expect(inputs.filter((p) => p.includes('src/scan/ner/') || p.endsWith('default-detectors.ts') || p.endsWith('src/scan/scanner.ts'))).toEqual([]);
    const bytes = result.outputFiles.reduce((n, f) => n + f.contents.byteLength, 0);
    expect(bytes).toBeLessThan(200 * 1024);
  });
});
