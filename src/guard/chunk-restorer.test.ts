import { describe, expect, it } from 'vitest';
import { InMemoryVault } from '../anonymize/index.js';
import { createChunkRestorer } from './chunk-restorer.js';

function vault(): InMemoryVault {
  const v = new InMemoryVault();
  v.placeholderFor('EMAIL_ADDRESS', 'ann@example.com');
  v.placeholderFor('PERSON', 'Zoë "Z" Ng');
  return v;
}

const chunk = (choices: unknown[]) => ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices });
type Out = { choices: { index: number; delta: { content?: string; tool_calls?: { index: number; function: { arguments: string } }[] }; finish_reason?: string | null }[] };

function contentOf(outs: unknown[], index = 0): string {
  return outs
    .flatMap((o) => (o as Out).choices)
    .filter((c) => c.index === index)
    .map((c) => c.delta.content ?? '')
    .join('');
}

describe('createChunkRestorer', () => {
  it('restores a placeholder split across chunks at every possible cut', () => {
    const text = 'Hi ⟦PERSON_1⟧, mail ⟦EMAIL_1⟧ now 😀.';
    for (let cut = 0; cut <= text.length; cut++) {
      const r = createChunkRestorer(vault());
      const outs = [
        r.push(chunk([{ index: 0, delta: { role: 'assistant', content: '' } }])),
        r.push(chunk([{ index: 0, delta: { content: text.slice(0, cut) } }])),
        r.push(chunk([{ index: 0, delta: { content: text.slice(cut) } }])),
        r.push(chunk([{ index: 0, delta: {}, finish_reason: 'stop' }])),
      ];
      expect(r.finish()).toBeUndefined();
      expect(contentOf(outs)).toBe('Hi Zoë "Z" Ng, mail ann@example.com now 😀.');
    }
  });

  it('keeps each choice separate and releases held text at that choice\'s finish_reason', () => {
    const r = createChunkRestorer(vault());
    const a = r.push(chunk([{ index: 0, delta: { content: 'A ⟦EMA' } }, { index: 1, delta: { content: 'B ⟦PER' } }])) as Out;
    expect(a.choices.map((c) => c.delta.content)).toEqual(['A ', 'B ']);
    const b = r.push(chunk([{ index: 1, delta: { content: 'SON_1⟧' }, finish_reason: 'stop' }])) as Out;
    expect(b.choices[0]!.delta.content).toBe('Zoë "Z" Ng');
    const c = r.push(chunk([{ index: 0, delta: {}, finish_reason: 'length' }])) as Out;
    expect(c.choices[0]!.delta.content).toBe('⟦EMA');
  });

  it('flushes held text at the end of a stream that never finished', () => {
    const r = createChunkRestorer(vault());
    r.push(chunk([{ index: 0, delta: { content: 'x ⟦EMAIL_' } }]));
    const tail = r.finish() as Out & { id: string };
    expect(tail.id).toBe('c');
    expect(tail.choices).toEqual([{ index: 0, delta: { content: '⟦EMAIL_' }, finish_reason: null }]);
    expect(r.finish()).toBeUndefined();
  });

  it('closes with the fields of the last chunk, in the same order, also when they change mid-stream', () => {
    const r = createChunkRestorer(vault());
    r.push(chunk([{ index: 0, delta: { content: 'x ⟦EMAIL_' } }]));
    r.push({ model: 'm2', choices: [{ index: 0, delta: { content: '' } }], id: 'c2', system_fingerprint: 'fp' });
    r.push({ model: 'm2', choices: [{ index: 0, delta: { content: '' } }], id: 'c2', system_fingerprint: 'fp' });
    const tail = r.finish() as Record<string, unknown>;
    expect(Object.keys(tail)).toEqual(['object', 'id', 'model', 'system_fingerprint', 'choices']);
    expect(tail).toMatchObject({ object: 'chat.completion.chunk', id: 'c2', model: 'm2', system_fingerprint: 'fp' });
    const dropped = createChunkRestorer(vault());
    dropped.push(chunk([{ index: 0, delta: { content: '⟦EMAIL_' } }]));
    dropped.push({ choices: [{ index: 0, delta: { content: '' } }], created: 1 });
    expect(Object.keys(dropped.finish() as object)).toEqual(['object', 'created', 'choices']);
    const again = createChunkRestorer(vault());
    again.push({ ...chunk([{ index: 0, delta: { content: '⟦EMAIL_' } }]), object: 'custom' });
    again.push(chunk([{ index: 0, delta: { content: '' } }]));
    expect(again.finish()).toMatchObject({ object: 'chat.completion.chunk', id: 'c', created: 1, model: 'm' });
  });

  it('restores streamed tool-call arguments as valid, escaped JSON', () => {
    const args = '{"to":"⟦EMAIL_1⟧","name":"⟦PERSON_1⟧"}';
    const r = createChunkRestorer(vault());
    const outs: unknown[] = [];
    for (let i = 0; i < args.length; i += 3) {
      outs.push(r.push(chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 3) } }] } }])));
    }
    outs.push(r.push(chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }])));
    const joined = outs
      .flatMap((o) => (o as Out).choices.flatMap((c) => c.delta.tool_calls ?? []))
      .map((t) => t.function.arguments)
      .join('');
    expect(JSON.parse(joined)).toEqual({ to: 'ann@example.com', name: 'Zoë "Z" Ng' });
  });

  it('passes through what is not a chunk, and a usage-only chunk unchanged', () => {
    const r = createChunkRestorer(vault());
    expect(r.push('x')).toBe('x');
    const usage = { ...chunk([]), usage: { total_tokens: 3 } };
    expect(r.push(usage)).toEqual(usage);
  });

  it('does not modify the chunk it was given', () => {
    const r = createChunkRestorer(vault());
    const input = chunk([{ index: 0, delta: { content: '⟦EMAIL_1⟧ ok' } }]);
    const copy = structuredClone(input);
    r.push(input);
    expect(input).toEqual(copy);
  });
});
