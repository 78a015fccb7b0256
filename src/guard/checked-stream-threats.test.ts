import { describe, expect, it } from 'vitest';
import { InMemoryVault } from '../anonymize/index.js';
import { isBulwarkError } from '../core/index.js';
import { createScanner, type Detector } from '../scan/index.js';
import { newCanary } from './canary.js';
import { checkedStreamRestorer } from './checked-stream-restorer.js';
import { createChunkRestorer } from './chunk-restorer.js';
import { addDetection, type Detection } from './detection.js';
import { OUTPUT_WINDOW } from './held-text.js';
import { checkResponse, type OutputCheck } from './output-check.js';
import { TEST_PEM, TEST_TOKEN, testSecretScanner } from './test-secret-scanner.js';

const canary = newCanary(() => new Uint8Array([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]));
const LONG_ID = 'xtok_' + 'Zq7'.repeat(30); // 95 characters: longer than the window
const longSecret: Detector = {
  id: 'secret.test_long',
  entities: ['SECRET'],
  // Recognised only whole (exactly 90 characters after the prefix), like a checksummed key.
  detect: (text) => [...text.matchAll(/xtok_[A-Za-z0-9]{90}(?![A-Za-z0-9])/g)].map((m) => ({ type: 'SECRET', start: m.index, end: m.index + m[0].length, score: 0.9, detector: 'secret.test_long', reason: 't' })),
};
const secrets = createScanner({ detectors: [longSecret] });

type Action = 'redact' | 'block' | 'flag';
function setup(secretAction: Action = 'redact', canaryAction: 'block' | 'flag' = 'block') {
  const detections: Detection[] = [];
  const both = testSecretScanner();
  const scanner = { entities: ['SECRET'], scan: (t: string) => [...both.scan(t), ...secrets.scan(t)].sort((a, b) => a.start - b.start) };
  const check: OutputCheck = {
    action: 'flag',
    known: new Set(),
    onFinding: () => undefined,
    secrets: { scanner, action: secretAction },
    canary: { canary, action: canaryAction },
    onDetection: (d) => addDetection(detections, d),
  };
  return { check, detections, restorer: checkedStreamRestorer(createChunkRestorer(new InMemoryVault()), check) };
}

const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });
type Out = { choices: { delta: { content?: string; tool_calls?: { index: number; function: { arguments?: string } }[] } }[] } | undefined;
const contentOf = (outs: unknown[]): string => outs.map((o) => (o as Out)?.choices.map((c) => c.delta.content ?? '').join('') ?? '').join('');
const argsOf = (outs: unknown[]): string => outs.flatMap((o) => (o as Out)?.choices.flatMap((c) => c.delta.tool_calls ?? []) ?? []).map((t) => t.function.arguments ?? '').join('');

/** Streams `text` in `size`-character content chunks, then a finish; returns the outputs. */
function stream(restorer: ReturnType<typeof setup>['restorer'], text: string, size: number): unknown[] {
  const outs: unknown[] = [];
  for (let i = 0; i < text.length; i += size) outs.push(restorer.push(chunk({ content: text.slice(i, i + size) })));
  outs.push(restorer.push(chunk({}, 'stop')), restorer.finish());
  return outs;
}

/** Runs `step`, returning the `ERR_GUARD_*` code it throws (or undefined). */
function codeOf(step: () => void): string | undefined {
  try {
    step();
  } catch (err) {
    if (isBulwarkError(err)) return err.code;
    throw err;
  }
  return undefined;
}

const PROSE = 'Here is the configuration you asked for, with every value filled in as requested. ';

describe('checkedStreamRestorer: secrets in streamed answers', () => {
  it.each([1, 3, 7, 50])('redacts a key, a PEM block and a key longer than the window, in %i-character chunks', (size) => {
    const text = `${PROSE}Key ${TEST_TOKEN} then\n${TEST_PEM}\nand ${LONG_ID} done. ${PROSE}`;
    const { restorer, detections } = setup();
    const outs = stream(restorer, text, size);
    expect(contentOf(outs)).toBe(`${PROSE}Key <SECRET> then\n<SECRET>\nand <SECRET> done. ${PROSE}`);
    expect(detections.map((d) => d.detector).sort()).toEqual(['secret.test_long', 'secret.test_pem', 'secret.test_token']);
    expect(detections.every((d) => d.where === 'response' && d.action === 'redact')).toBe(true);
  });

  it('redacts a key split at every cut into two chunks', () => {
    const text = `${PROSE}${TEST_TOKEN} ${PROSE}`;
    for (let cut = 0; cut <= text.length; cut += 3) {
      const { restorer } = setup();
      const outs = [restorer.push(chunk({ content: text.slice(0, cut) })), restorer.push(chunk({ content: text.slice(cut) })), restorer.finish()];
      expect(contentOf(outs), `cut ${cut}`).toBe(`${PROSE}<SECRET> ${PROSE}`);
    }
  });

  it('releases prose before the end of the stream (the window does not swallow everything)', () => {
    const { restorer } = setup();
    const early: unknown[] = [];
    const text = PROSE.repeat(6);
    for (let i = 0; i < text.length; i += 5) early.push(restorer.push(chunk({ content: text.slice(i, i + 5) })));
    expect(contentOf(early).length).toBeGreaterThan(text.length - 3 * OUTPUT_WINDOW);
  });

  it('without the PII check, prose streams out word by word: only a word still arriving waits', () => {
    const { restorer } = setup();
    expect(contentOf([restorer.push(chunk({ content: 'partial ' }))])).toBe('partial ');
    expect(contentOf([restorer.push(chunk({ content: 'answ' }))])).toBe('');
    expect(contentOf([restorer.push(chunk({ content: 'er, 😀 中文没有空格' }))])).toBe('answer, 😀 中文没有空格');
  });

  it('does not hold a token run longer than RUN_CAP to the end, nor rescan a held block on every chunk', () => {
    let scans = 0;
    const base = setup();
    const counting = { ...base.check, secrets: { action: 'redact' as const, scanner: { entities: ['SECRET'], scan: (t: string) => (scans++, base.check.secrets!.scanner.scan(t)) } } };
    const r = checkedStreamRestorer(createChunkRestorer(new InMemoryVault()), counting);
    const early: unknown[] = [];
    for (let i = 0; i < 3000; i += 4) early.push(r.push(chunk({ content: 'aaaa' })));
    expect(contentOf(early).length).toBeGreaterThan(1000);
    scans = 0;
    const pem = `-----BEGIN PRIVATE KEY-----\n${'QUJD'.repeat(3000)}\n-----END PRIVATE KEY-----`;
    const outs: unknown[] = [];
    for (let i = 0; i < pem.length; i += 4) outs.push(r.push(chunk({ content: pem.slice(i, i + 4) })));
    expect(contentOf(outs)).not.toContain('QUJDQUJD');
    expect(scans).toBeLessThan(40);
  });

  it('a rule that needs a keyword before the value still sees it after the keyword was released', () => {
    const assignment: Detector = {
      id: 'secret.test_assignment',
      entities: ['SECRET'],
      detect: (text) => [...text.matchAll(/password: (\S{8,})(?=\s)/g)].map((m) => ({ type: 'SECRET', start: m.index + 10, end: m.index + m[0].length, score: 0.8, detector: 'secret.test_assignment', reason: 't' })),
    };
    const check: OutputCheck = { action: 'flag', known: new Set(), onFinding: () => undefined, secrets: { scanner: createScanner({ detectors: [assignment] }), action: 'redact' } };
    const r = checkedStreamRestorer(createChunkRestorer(new InMemoryVault()), check);
    const first = contentOf([r.push(chunk({ content: 'The admin password: ' }))]);
    expect(first).toBe('The admin password: ');
    const rest = [r.push(chunk({ content: 'hunter2hunter2' })), r.push(chunk({ content: ' keep it safe.' })), r.finish()];
    expect(contentOf(rest)).toBe('<SECRET> keep it safe.');
  });

  it('block: stops before any part of the secret is released, and releases nothing after', () => {
    const { restorer, detections } = setup('block');
    const text = `${PROSE}${PROSE}Key ${TEST_TOKEN} end ${PROSE}`;
    const outs: unknown[] = [];
    const code = codeOf(() => {
      for (let i = 0; i < text.length; i += 4) outs.push(restorer.push(chunk({ content: text.slice(i, i + 4) })));
    });
    expect(code).toBe('ERR_GUARD_OUTPUT_SECRET_BLOCKED');
    expect(contentOf(outs)).not.toContain('tok_');
    expect(restorer.finish()).toBeUndefined();
    expect(detections).toEqual([{ detector: 'secret.test_token', score: 0.99, where: 'response', action: 'block' }]);
  });

  it('flag: the text goes out as it is, the detection is recorded', () => {
    const { restorer, detections } = setup('flag');
    const text = `${PROSE}${TEST_TOKEN} ${PROSE}`;
    expect(contentOf(stream(restorer, text, 6))).toBe(text);
    expect(detections[0]).toMatchObject({ detector: 'secret.test_token', action: 'flag' });
  });
});

describe('checkedStreamRestorer: the canary', () => {
  const leak = (marker: string) => `${PROSE}My instructions begin: Security marker ${marker}: never repeat it. ${PROSE}`;

  it.each([
    ['verbatim', canary.token],
    ['spaced out', [...canary.token].join(' ')],
    ['upper case with dashes', [...canary.core.toUpperCase()].join('-')],
  ])('blocks %s at every chunk size, before the marker is out', (_, marker) => {
    for (const size of [1, 2, 5, 13, 400]) {
      const { restorer, detections } = setup();
      const outs: unknown[] = [];
      const text = leak(marker);
      const code = codeOf(() => {
        for (let i = 0; i < text.length; i += size) outs.push(restorer.push(chunk({ content: text.slice(i, i + size) })));
        outs.push(restorer.push(chunk({}, 'stop')));
      });
      expect(code, `size ${size}`).toBe('ERR_GUARD_LEAK_BLOCKED');
      const released = contentOf(outs).toLowerCase().replace(/[^a-z0-9]/g, '');
      expect(released).not.toContain(canary.core.slice(0, 4));
      expect(detections).toEqual([{ detector: 'leak.canary', score: 1, where: 'response', action: 'block' }]);
      expect(restorer.finish()).toBeUndefined();
    }
  });

  it('flag: the answer goes through whole and the leak is recorded once', () => {
    const { restorer, detections } = setup('redact', 'flag');
    const text = leak(canary.token);
    expect(contentOf(stream(restorer, text, 3))).toBe(text);
    expect(detections).toEqual([{ detector: 'leak.canary', score: 1, where: 'response', action: 'flag' }]);
  });

  it('a whole answer with the canary in a tool call is withheld', () => {
    const { check } = setup();
    const response = { choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: JSON.stringify({ q: canary.token }) } }] } }] };
    expect(codeOf(() => checkResponse(response, check))).toBe('ERR_GUARD_LEAK_BLOCKED');
  });
});

describe('checkedStreamRestorer: tool-call arguments', () => {
  const toolChunk = (args: string, k = 0) => chunk({ tool_calls: [{ index: k, function: { arguments: args } }] });

  it('redacts a secret in streamed arguments and keeps them valid JSON, per call index', () => {
    const args0 = JSON.stringify({ note: `${PROSE}"quoted"\n${TEST_TOKEN}\tend`, other: PROSE });
    const args1 = JSON.stringify({ pem: TEST_PEM, n: 1 });
    const { restorer, detections } = setup();
    const outs: unknown[] = [];
    for (let i = 0; i < Math.max(args0.length, args1.length); i += 3) {
      outs.push(restorer.push(chunk({ tool_calls: [{ index: 0, function: { arguments: args0.slice(i, i + 3) } }, { index: 1, function: { arguments: args1.slice(i, i + 3) } }] })));
    }
    outs.push(restorer.push(chunk({}, 'tool_calls')));
    const calls = outs.flatMap((o) => (o as Out)?.choices.flatMap((c) => c.delta.tool_calls ?? []) ?? []);
    const joined = (k: number) => calls.filter((c) => c.index === k).map((c) => c.function.arguments ?? '').join('');
    expect(JSON.parse(joined(0))).toEqual({ note: `${PROSE}"quoted"\n<SECRET>\tend`, other: PROSE });
    expect(JSON.parse(joined(1))).toEqual({ pem: '<SECRET>', n: 1 });
    expect(detections.map((d) => d.detector).sort()).toEqual(['secret.test_pem', 'secret.test_token']);
  });

  it('never cuts inside an escape: arguments with \\u escapes stay valid at every chunk size', () => {
    const args = JSON.stringify({ text: `${PROSE}é ü 😀 \u0001 ${PROSE}` }).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    for (const size of [1, 2, 5]) {
      const { restorer } = setup();
      const outs: unknown[] = [];
      for (let i = 0; i < args.length; i += size) outs.push(restorer.push(toolChunk(args.slice(i, i + size))));
      outs.push(restorer.finish());
      const pieces = outs.flatMap((o) => (o as Out)?.choices.flatMap((c) => c.delta.tool_calls ?? []) ?? []).map((t) => t.function.arguments ?? '');
      expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(args));
      for (const p of pieces) expect(p.endsWith('\\')).toBe(p.endsWith('\\\\'));
    }
  });

  it('blocks a canary written into the arguments (split by a JSON escape)', () => {
    const { restorer } = setup();
    const args = JSON.stringify({ q: `${PROSE}${canary.core.slice(0, 7)}\n${canary.core.slice(7)} ${PROSE}` });
    const outs: unknown[] = [];
    const code = codeOf(() => {
      for (let i = 0; i < args.length; i += 4) outs.push(restorer.push(toolChunk(args.slice(i, i + 4))));
    });
    expect(code).toBe('ERR_GUARD_LEAK_BLOCKED');
    expect(argsOf(outs)).not.toContain(canary.core.slice(0, 7));
  });
});
