import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditWriter, type AuditEntry } from '../../src/app/index.js';
import { isBulwarkError } from '../../src/core/bulwark-error.js';
import { AUDIT_ROWS_PER_INSERT } from '../../src/store/audit-record-repository.js';
import type { AuditRecord, Store } from '../../src/store/index.js';
import { storeTargets } from './store-targets.js';

// The batching audit writer over the real repositories: SQLite (memory and file) and Postgres
// when BULWARK_TEST_POSTGRES_URL is set. Records must land complete and in order, each append
// must settle with its own batch, and a failing store must be reported, never swallowed.

const at = new Date('2031-02-03T04:05:06.789Z');

function entry(i: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    requestId: `req-${i}`,
    at,
    keyId: i % 3 === 0 ? null : `key${i % 7}`,
    route: 'POST /v1/chat/completions',
    decision: i % 5 === 0 ? 'blocked' : 'forwarded',
    findings: i % 2 === 0 ? {} : { EMAIL_ADDRESS: i, PERSON: 1 },
    status: i % 5 === 0 ? 403 : 200,
    ...over,
  };
}

const codeOf = (err: unknown): string => (isBulwarkError(err) ? err.code : 'not a BulwarkError');

describe.each(storeTargets({ file: true, schemaPrefix: 'bulwark_audit_writer' }))('audit writer ($name)', (target) => {
  let store: Store;
  beforeAll(async () => {
    store = await target.open();
  });
  afterAll(async () => {
    await store?.close();
    await target.cleanup();
  });

  /** Records of this test (by request-id prefix), oldest first. */
  const written = async (prefix: string): Promise<AuditRecord[]> =>
    (await store.auditRecords.recent(10_000)).filter((r) => r.requestId.startsWith(prefix)).reverse();

  it.each([1, 2, AUDIT_ROWS_PER_INSERT - 1, AUDIT_ROWS_PER_INSERT, AUDIT_ROWS_PER_INSERT + 1, 3 * AUDIT_ROWS_PER_INSERT + 5])(
    'appendMany writes %i records, every field intact and in order',
    async (n) => {
      const prefix = `many${n}-`;
      const entries = Array.from({ length: n }, (_, i) => entry(i, { requestId: `${prefix}${i}` }));
      // Values that must survive as data: quotes, a SQL comment, a NUL-free odd route, unicode.
      entries[0] = { ...entries[0]!, route: "POST /v1/it's--;", keyId: 'ké\u00ff', detections: [{ detector: 'injection.override', score: 0.91, where: 'content', action: 'flag' }] };
      await store.auditRecords.appendMany(entries);
      const rows = await written(prefix);
      expect(rows.map((r) => r.requestId)).toEqual(entries.map((e) => e.requestId));
      expect(rows[0]).toEqual({ ...entries[0], detections: entries[0]!.detections });
      for (const [i, r] of rows.entries()) {
        expect(r).toMatchObject({ keyId: entries[i]!.keyId, decision: entries[i]!.decision, findings: entries[i]!.findings, status: entries[i]!.status });
        expect(r.at.toISOString()).toBe(at.toISOString());
      }
    },
  );

  it('batches concurrent appends into few writes, and each append resolves once its record is stored', async () => {
    const batches: number[] = [];
    const writer = createAuditWriter({
      append: (e) => store.auditRecords.append(e),
      appendMany: async (es) => {
        batches.push(es.length);
        await store.auditRecords.appendMany(es);
      },
    });
    const n = 150;
    const results = await Promise.all(
      Array.from({ length: n }, async (_, i) => {
        await writer.append(entry(i, { requestId: `conc-${i}` }));
        // Resolved means stored: the record is readable now.
        return (await store.auditRecords.recent(10_000)).some((r) => r.requestId === `conc-${i}`);
      }),
    );
    expect(results.every(Boolean)).toBe(true);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(n);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(n / AUDIT_ROWS_PER_INSERT) + 1);
    expect(Math.max(...batches)).toBeLessThanOrEqual(AUDIT_ROWS_PER_INSERT);
    expect((await written('conc-')).map((r) => r.requestId)).toEqual(Array.from({ length: n }, (_, i) => `conc-${i}`));
    expect(writer.failing).toBe(false);
  });

  it('a failing store rejects every append of the batch with ERR_AUDIT_UNAVAILABLE, and recovers', async () => {
    let broken = true;
    const errors: number[] = [];
    let recovered = 0;
    const writer = createAuditWriter(
      {
        append: (e) => store.auditRecords.append(e),
        appendMany: async (es) => {
          if (broken) throw Object.assign(new Error('SQLITE_FULL: database or disk is full at /secret/path'), { code: 'SQLITE_FULL' });
          await store.auditRecords.appendMany(es);
        },
      },
      { onError: (_err, count) => errors.push(count), onRecovered: () => recovered++ },
    );
    const failed = await Promise.allSettled([writer.append(entry(1, { requestId: 'fail-1' })), writer.append(entry(2, { requestId: 'fail-2' }))]);
    for (const r of failed) {
      expect(r.status).toBe('rejected');
      expect(codeOf((r as PromiseRejectedResult).reason)).toBe('ERR_AUDIT_UNAVAILABLE');
      // The driver's message (paths, hosts) stays in the cause, out of the error's own message.
      expect(((r as PromiseRejectedResult).reason as Error).message).not.toContain('/secret/path');
    }
    expect(writer.failing).toBe(true);
    expect(errors).toEqual([2]);
    expect(await written('fail-')).toEqual([]);

    broken = false;
    await writer.append(entry(3, { requestId: 'fail-3' }));
    expect(writer.failing).toBe(false);
    expect(recovered).toBe(1);
    expect((await written('fail-')).map((r) => r.requestId)).toEqual(['fail-3']);
  });

  it('flush writes what is queued', async () => {
    const writer = createAuditWriter(store.auditRecords);
    const pending = Array.from({ length: 5 }, (_, i) => writer.append(entry(i, { requestId: `flush-${i}` })));
    await writer.flush();
    expect(await written('flush-')).toHaveLength(5);
    await Promise.all(pending);
  });
});

describe('audit writer without appendMany', () => {
  it('falls back to one append per entry, in order', async () => {
    const seen: string[] = [];
    const writer = createAuditWriter({ append: async (e) => void seen.push(e.requestId) });
    await Promise.all([writer.append(entry(1)), writer.append(entry(2)), writer.append(entry(3))]);
    expect(seen).toEqual(['req-1', 'req-2', 'req-3']);
  });
});

describe('audit writer batching while other requests are in progress', () => {
  /** A target that records the size of every batch it is given. */
  function recording(): { batches: number[]; target: Parameters<typeof createAuditWriter>[0] } {
    const batches: number[] = [];
    return {
      batches,
      target: {
        append: async () => undefined,
        appendMany: async (entries) => {
          batches.push(entries.length);
        },
      },
    };
  }

  it('waits for records still expected, then writes them together', async () => {
    const { batches, target } = recording();
    let expected = 4;
    const writer = createAuditWriter(target, { expected: () => expected, maxWaitMs: 1000 });
    const first = [writer.append(entry(1)), writer.append(entry(2))];
    await new Promise((r) => setTimeout(r, 20));
    // Two queued, four expected: nothing written yet.
    expect(batches).toEqual([]);
    const rest = [writer.append(entry(3)), writer.append(entry(4))];
    await Promise.all([...first, ...rest]);
    expect(batches).toEqual([4]);
    expected = 1;
    await writer.append(entry(5));
    expect(batches).toEqual([4, 1]);
  });

  it('writes at once when nothing else is expected, and after maxWaitMs at the latest', async () => {
    const { batches, target } = recording();
    const alone = createAuditWriter(target, { expected: () => 1, maxWaitMs: 60_000 });
    await alone.append(entry(1));
    expect(batches).toEqual([1]);
    const waiting = createAuditWriter(target, { expected: () => 50, maxWaitMs: 5 });
    // Fifty expected and only one coming: it is written once it has waited 5 ms (else the test times out).
    await waiting.append(entry(2));
    expect(batches).toEqual([1, 1]);
  });

  it('flush writes what is queued without waiting', async () => {
    const { batches, target } = recording();
    const writer = createAuditWriter(target, { expected: () => 50, maxWaitMs: 60_000 });
    const pending = writer.append(entry(1));
    await writer.flush();
    await pending;
    expect(batches).toEqual([1]);
  });
});
