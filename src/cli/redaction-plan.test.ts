import { describe, expect, it } from 'vitest';
import { buildRedactionPlan, type PlanSources } from './redaction-plan.js';

const KEY = new Uint8Array(32).fill(7);
const sources = (over: Partial<PlanSources>): PlanSources => ({
  operatorFlags: [],
  knownEntities: ['CUSTOM_ID'],
  loadKey: () => Promise.resolve(KEY),
  ...over,
});
const policy = (p: object) => ({ path: 'p.yaml', policy: { entities: {}, ...p } });

describe('buildRedactionPlan', () => {
  it('defaults to replace with no policy and no flags', async () => {
    const plan = await buildRedactionPlan(sources({}));
    expect(plan.default).toEqual({ type: 'replace' });
    expect(plan.byType).toEqual({});
    expect(plan.vault).toBeUndefined();
  });

  it('lays flags over the policy and * over the policy default', async () => {
    const plan = await buildRedactionPlan(
      sources({
        policy: policy({ default: { type: 'redact' }, entities: { PERSON: { type: 'mask' }, EMAIL_ADDRESS: { type: 'keep' } } }),
        operatorFlags: ['PERSON=replace:[name]', '*=mask:2'],
      }),
    );
    expect(plan.default).toEqual({ type: 'mask', keepLast: 2 });
    expect(plan.byType).toEqual({ PERSON: { type: 'replace', value: '[name]' }, EMAIL_ADDRESS: { type: 'keep' } });
  });

  it('attaches a vault only when some operator tokenizes', async () => {
    expect((await buildRedactionPlan(sources({ operatorFlags: ['PERSON=tokenize'] }))).vault).toBeDefined();
  });

  it('accepts entity types the scanner knows besides the built-in ones', async () => {
    const plan = await buildRedactionPlan(sources({ operatorFlags: ['CUSTOM_ID=redact'] }));
    expect(plan.byType).toEqual({ CUSTOM_ID: { type: 'redact' } });
  });

  it('loads the key only when hash or encrypt is used', async () => {
    let loads = 0;
    const loadKey = () => {
      loads++;
      return Promise.resolve(KEY);
    };
    await buildRedactionPlan(sources({ operatorFlags: ['PERSON=mask'], loadKey }));
    expect(loads).toBe(0);
    const plan = await buildRedactionPlan(sources({ operatorFlags: ['PERSON=hash:16'], loadKey }));
    expect(loads).toBe(1);
    expect(plan.byType?.PERSON).toEqual({ type: 'hash', key: KEY, length: 16 });
  });

  it.each([
    ['an unknown entity in a flag', { operatorFlags: ['SHOE_SIZE=redact'] }, 'ERR_SCAN_UNKNOWN_ENTITY'],
    ['a missing key', { operatorFlags: ['*=encrypt'], loadKey: () => Promise.resolve(undefined) }, 'ERR_CLI_KEY_MISSING'],
    ['a bad flag option', { operatorFlags: ['PERSON=hash:4'] }, 'ERR_ANONYMIZE_INVALID_OPTION'],
    ['a bad policy option', { policy: policy({ entities: { PERSON: { type: 'mask', char: 'ab' } } }) }, 'ERR_POLICY_INVALID'],
    ['a bad policy default', { policy: policy({ default: { type: 'hash', length: 3 } }) }, 'ERR_POLICY_INVALID'],
  ] as const)('refuses %s', async (_name, over, code) => {
    await expect(buildRedactionPlan(sources(over as Partial<PlanSources>))).rejects.toMatchObject({ code });
  });
});
