/**
 * Entry of a guard thread (see `createGuardThreads`): builds the same guard and policies as the
 * main thread from the settings in `workerData`, then inspects the chat bodies it is sent. Pure
 * computation: no store, no network, no logging (the main thread logs and audits).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isBulwarkError } from '../../core/bulwark-error.js';
import type { FailedMessage, GuardThreadReply, InspectBatch, InspectedMessage, InspectMessage } from './guard-messages.js';
import { buildGuardSetup, type GuardSettings } from './guard-settings.js';
import { RecordingVault } from './recording-vault.js';

const port = parentPort;
if (port === null) throw new Error('guard-thread.ts runs as a worker thread only');
const { guard, policies } = buildGuardSetup(workerData as GuardSettings);

function inspect(m: InspectMessage): InspectedMessage | FailedMessage {
  try {
    const policy = policies.byName(m.policy);
    // Cannot happen (same settings, same names); the caller then inspects the body itself.
    if (policy === undefined) return { id: m.id, error: { code: undefined, message: 'unknown policy' } };
    const vault = new RecordingVault();
    const body: unknown = 'text' in m ? Object.assign(JSON.parse(m.text) as object, m.overrides) : m.body;
    const r = guard.inspectChat(body, policy, vault);
    return {
      id: m.id,
      bodyJson: JSON.stringify(r.body),
      vault: vault.entries,
      findings: r.findings,
      promptValues: r.promptValues,
      detections: r.detections,
      blocked: r.blocked === undefined ? undefined : { code: r.blocked.code, message: r.blocked.message },
      canary: r.canary,
    };
  } catch (err) {
    return { id: m.id, error: { code: isBulwarkError(err) ? err.code : undefined, message: isBulwarkError(err) ? err.message : 'guard thread failed' } };
  }
}

port.on('message', (m: InspectBatch) => port.postMessage({ batch: m.batch.map(inspect) } satisfies GuardThreadReply));
port.postMessage({ ready: true } satisfies GuardThreadReply);
