import { describe, expect, it } from 'vitest';
import { InMemoryVault } from '../anonymize/index.js';
import { createScanner } from '../scan/index.js';
import { checkedStreamRestorer } from './checked-stream-restorer.js';
import { createChunkRestorer } from './chunk-restorer.js';
import { checkResponse, checkText, type OutputCheck } from './output-check.js';

const KNOWN = 'ann.lee@example.com';
const NEW_EMAIL = 'bob.stone@invented.org';
const NEW_PHONE = '+1 212 555 0199';
const scanner = createScanner({ entities: ['EMAIL_ADDRESS', 'PHONE_NUMBER'] });

function setup(action: 'redact' | 'flag' = 'redact') {
  const vault = new InMemoryVault();
  vault.placeholderFor('EMAIL_ADDRESS', KNOWN);
  const seen: string[] = [];
  const check: OutputCheck = { scanner, action, known: new Set([KNOWN]), onFinding: (t) => seen.push(t) };
  return { vault, check, seen };
}
const chunk = (content: string, finish: string | null = null) => ({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finish }] });
type Out = { choices: { delta: { content?: string } }[] } | undefined;
const contentOf = (outs: unknown[]): string => outs.map((o) => (o as Out)?.choices.map((c) => c.delta.content ?? '').join('') ?? '').join('');

const ANSWER = `😀 Dear ⟦EMAIL_1⟧, a long reply follows here with many words. Write ${NEW_EMAIL} or call ${NEW_PHONE} soon, ok? 😀`;
const EXPECTED = `😀 Dear ${KNOWN}, a long reply follows here with many words. Write <EMAIL_ADDRESS> or call <PHONE_NUMBER> soon, ok? 😀`;

describe('checkedStreamRestorer', () => {
  it('redacts invented values and restores echoed ones, at every cut into two chunks', () => {
    for (let cut = 0; cut <= ANSWER.length; cut++) {
      const { vault, check, seen } = setup();
      const r = checkedStreamRestorer(createChunkRestorer(vault), check);
      const outs = [r.push(chunk(ANSWER.slice(0, cut))), r.push(chunk(ANSWER.slice(cut))), r.push(chunk('', 'stop')), r.finish()];
      expect(contentOf(outs), `cut ${cut}`).toBe(EXPECTED);
      expect(seen.sort()).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    }
  });

  it.each([1, 2, 3, 7])('redacts in %i-character chunks, releasing text before the end', (size) => {
    const { vault, check } = setup();
    const r = checkedStreamRestorer(createChunkRestorer(vault), check);
    const outs: unknown[] = [];
    for (let i = 0; i < ANSWER.length; i += size) outs.push(r.push(chunk(ANSWER.slice(i, i + size))));
    const early = contentOf(outs);
    expect(early.length).toBeGreaterThan(0);
    expect(early).not.toContain('invented');
    outs.push(r.finish());
    expect(contentOf(outs)).toBe(EXPECTED);
  });

  it('flag: counts without changing the text; the end of a stream without finish_reason flushes', () => {
    const { vault, check, seen } = setup('flag');
    const r = checkedStreamRestorer(createChunkRestorer(vault), check);
    const outs = [r.push(chunk(ANSWER)), r.finish()];
    expect(contentOf(outs)).toBe(ANSWER.replace('⟦EMAIL_1⟧', KNOWN));
    expect(seen.length).toBe(2);
    expect(r.finish()).toBeUndefined();
  });
});

describe('checkedStreamRestorer: streamed tool-call arguments', () => {
  it('redacts invented values and restores echoed ones in the arguments of each call, keeping valid JSON', () => {
    const args = JSON.stringify({ to: NEW_EMAIL, cc: '⟦EMAIL_1⟧', note: `line\n"quoted" ${NEW_PHONE} 😀`, n: 3 });
    for (const size of [1, 4, 9]) {
      const { vault, check, seen } = setup();
      const r = checkedStreamRestorer(createChunkRestorer(vault), check);
      const outs: unknown[] = [r.push(chunk(''))];
      for (let i = 0; i < args.length; i += size) {
        outs.push(r.push({ id: 'x', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + size) } }] }, finish_reason: null }] }));
      }
      outs.push(r.push(chunk('', 'tool_calls')), r.finish());
      type Calls = { choices: { delta: { tool_calls?: { function: { arguments: string } }[] } }[] } | undefined;
      const joined = outs.flatMap((o) => (o as Calls)?.choices.flatMap((c) => c.delta.tool_calls ?? []) ?? []).map((t) => t.function.arguments).join('');
      expect(JSON.parse(joined), `size ${size}`).toEqual({ to: '<EMAIL_ADDRESS>', cc: KNOWN, note: 'line\n"quoted" <PHONE_NUMBER> 😀', n: 3 });
      expect(seen.sort()).toEqual(['EMAIL_ADDRESS', 'PHONE_NUMBER']);
    }
  });
});

describe('checkText / checkResponse', () => {
  it.each([
    ['', ''],
    [`mail ${KNOWN}`, `mail ${KNOWN}`],
    [`mail ${NEW_EMAIL}`, 'mail <EMAIL_ADDRESS>'],
    [`😀${NEW_EMAIL}😀`, '😀<EMAIL_ADDRESS>😀'],
    ['not an email: a@b', 'not an email: a@b'],
  ])('%j -> %j', (input, output) => {
    expect(checkText(input, setup().check)).toBe(output);
  });

  it('checks tool-call arguments of a whole answer, keeping them valid JSON', () => {
    const response = { choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: JSON.stringify({ to: NEW_EMAIL, cc: KNOWN }) } }] } }] };
    const out = checkResponse(response, setup().check);
    expect(JSON.parse(out.choices[0]!.message.tool_calls[0]!.function.arguments)).toEqual({ to: '<EMAIL_ADDRESS>', cc: KNOWN });
  });
});
