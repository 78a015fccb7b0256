import { describe, expect, it } from 'vitest';
import { InMemoryVault } from '../anonymize/index.js';
import { isBulwarkError } from '../core/index.js';
import { createChunkRestorer } from './chunk-restorer.js';
import type { Detection } from './detection.js';
import { checkResponseSchema, outputSchemaFor } from './output-schema.js';
import { schemaCheckedStream } from './schema-checked-stream.js';
import { DEFAULT_THREAT_POLICY } from './threat-policy.js';

const weather = { type: 'object', properties: { city: { type: 'string' }, days: { type: 'integer' } }, required: ['city'], additionalProperties: false };
const request = {
  tools: [{ type: 'function', function: { name: 'get_weather', parameters: weather } }, { type: 'function', function: { name: 'ping' } }],
  response_format: { type: 'json_schema', json_schema: { name: 'r', schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } } },
};
const settings = (action: 'flag' | 'block' = 'flag') => ({ ...DEFAULT_THREAT_POLICY.outputSchema, action });

const whole = (message: Record<string, unknown>) => ({ choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: 'stop' }] });
const call = (name: string, args: string) => ({ tool_calls: [{ id: 'c', type: 'function', function: { name, arguments: args } }] });

function run(response: unknown, action: 'flag' | 'block' = 'flag'): { detections: Detection[]; code: string | undefined } {
  const detections: Detection[] = [];
  try {
    checkResponseSchema(response, outputSchemaFor(request, settings(action))!, (d) => detections.push(d));
  } catch (err) {
    if (isBulwarkError(err)) return { detections, code: err.code };
    throw err;
  }
  return { detections, code: undefined };
}

describe('outputSchemaFor', () => {
  it('reads tools, legacy functions and response_format; nothing to check gives undefined', () => {
    const check = outputSchemaFor({ ...request, functions: [{ name: 'legacy', parameters: weather }] }, settings())!;
    expect([...check.tools!.keys()]).toEqual(['get_weather', 'ping', 'legacy']);
    expect(check.responseFormat).toEqual({ schema: request.response_format.json_schema.schema });
    expect(outputSchemaFor({ response_format: { type: 'json_object' } }, settings())?.responseFormat).toBe('json_object');
    expect(outputSchemaFor({ messages: [] }, settings())).toBeUndefined();
    expect(outputSchemaFor(request, { ...settings(), toolArguments: false, responseFormat: false })).toBeUndefined();
    expect(outputSchemaFor('x', settings())).toBeUndefined();
  });
});

describe('checkResponseSchema (whole answers)', () => {
  it.each([
    ['conforming arguments', call('get_weather', '{"city":"Oslo","days":3}'), []],
    ['a function without parameters', call('ping', '{}'), []],
    ['a missing required field', call('get_weather', '{"days":3}'), ['schema.tool_arguments']],
    ['a wrong type', call('get_weather', '{"city":"Oslo","days":"3"}'), ['schema.tool_arguments']],
    ['an extra field', call('get_weather', '{"city":"Oslo","x":1}'), ['schema.tool_arguments']],
    ['arguments that are not JSON', call('get_weather', '{"city":'), ['schema.tool_arguments']],
    ['an undeclared function', call('rm_rf', '{}'), ['schema.tool_arguments']],
    ['conforming content', { content: '{"ok":true}' }, []],
    ['content breaking the schema', { content: '{"ok":"yes"}' }, ['schema.response_format']],
    ['content that is not JSON', { content: 'Sure! {"ok":true}' }, ['schema.response_format']],
    ['a refusal', { content: 'no', refusal: 'I cannot help with that.' }, []],
  ])('%s', (_, message, detectors) => {
    const { detections, code } = run(whole(message));
    expect(code).toBeUndefined();
    expect(detections.map((d) => d.detector)).toEqual(detectors);
    for (const d of detections) expect(d).toMatchObject({ score: 1, where: 'response', action: 'flag' });
  });

  it('block throws ERR_GUARD_OUTPUT_SCHEMA_BLOCKED', () => {
    expect(run(whole(call('get_weather', '{}')), 'block').code).toBe('ERR_GUARD_OUTPUT_SCHEMA_BLOCKED');
  });

  it('ignores what is not a completion', () => {
    for (const r of [null, 'x', { choices: 'x' }, { choices: [null, { message: 'x' }, { message: { tool_calls: [null, { function: { arguments: 5 } }] } }] }]) {
      expect(run(r)).toEqual({ detections: [], code: undefined });
    }
  });
});

describe('schemaCheckedStream', () => {
  const chunk = (delta: Record<string, unknown>, finish: string | null = null) => ({ object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

  function streamArgs(args: string, action: 'flag' | 'block'): { detections: Detection[]; code: string | undefined; outs: unknown[] } {
    const detections: Detection[] = [];
    const r = schemaCheckedStream(createChunkRestorer(new InMemoryVault()), outputSchemaFor(request, settings(action))!, (d) => detections.push(d));
    const outs: unknown[] = [];
    try {
      outs.push(r.push(chunk({ role: 'assistant', tool_calls: [{ index: 0, id: 'c', type: 'function', function: { name: 'get_weather', arguments: '' } }] })));
      for (let i = 0; i < args.length; i += 2) outs.push(r.push(chunk({ tool_calls: [{ index: 0, function: { arguments: args.slice(i, i + 2) } }] })));
      outs.push(r.push(chunk({}, 'tool_calls')));
    } catch (err) {
      if (isBulwarkError(err)) return { detections, code: err.code, outs };
      throw err;
    }
    return { detections, code: undefined, outs };
  }

  it('checks streamed arguments when the choice finishes', () => {
    expect(streamArgs('{"city":"Oslo"}', 'flag')).toMatchObject({ detections: [], code: undefined });
    const bad = streamArgs('{"city":7}', 'flag');
    expect(bad.detections.map((d) => d.detector)).toEqual(['schema.tool_arguments']);
    expect(bad.outs.at(-1)).toMatchObject({ choices: [{ finish_reason: 'tool_calls' }] });
  });

  it('block: the finishing chunk is not released', () => {
    const bad = streamArgs('{"city":7}', 'block');
    expect(bad.code).toBe('ERR_GUARD_OUTPUT_SCHEMA_BLOCKED');
    expect(bad.outs.some((o) => (o as { choices: { finish_reason: unknown }[] }).choices[0]!.finish_reason !== null)).toBe(false);
  });

  it('checks streamed content against response_format, not a refusal', () => {
    const detections: Detection[] = [];
    const r = schemaCheckedStream(createChunkRestorer(new InMemoryVault()), outputSchemaFor(request, settings())!, (d) => detections.push(d));
    for (const piece of ['{"ok"', ':tr', 'ue}']) r.push(chunk({ content: piece }));
    r.push(chunk({}, 'stop'));
    expect(detections).toEqual([]);
    r.push({ object: 'chat.completion.chunk', choices: [{ index: 1, delta: { content: '{"ok":1}' }, finish_reason: 'stop' }] });
    r.push({ object: 'chat.completion.chunk', choices: [{ index: 2, delta: { refusal: 'No.' }, finish_reason: 'stop' }] });
    expect(detections.map((d) => d.detector)).toEqual(['schema.response_format']);
  });
});
