import type { Canary, Detection } from '../../guard/index.js';
import type { VaultEntry } from './recording-vault.js';

/** Main thread to guard thread: inspect one chat body under the named policy. */
export interface InspectMessage {
  readonly id: number;
  readonly body: unknown;
  /** `GuardPolicy.name`: the thread compiled the same policies from the same settings. */
  readonly policy: string;
}

/** A finished inspection, as plain data (structured clone keeps Sets, drops class prototypes). */
export interface InspectedMessage {
  readonly id: number;
  readonly body: unknown;
  readonly vault: readonly VaultEntry[];
  readonly findings: Readonly<Record<string, number>>;
  readonly promptValues: ReadonlySet<string>;
  readonly detections: Detection[];
  /** The refusal's code and message, when a check blocked the request. */
  readonly blocked: { readonly code: string; readonly message: string } | undefined;
  readonly canary: Canary | undefined;
}

/** An inspection that threw: a catalogue error travels as its code and message. */
export interface FailedMessage {
  readonly id: number;
  readonly error: { readonly code: string | undefined; readonly message: string };
}

/**
 * Main thread to guard thread: the inspections asked for during one turn of the event loop.
 * One message per turn, not per request: waking an idle thread costs the poster about as much
 * as a quarter of an inspection (a system call), and under load many requests arrive per turn.
 */
export interface InspectBatch {
  readonly batch: readonly InspectMessage[];
}

/** What a guard thread posts: `ready` once it has built and warmed its guard, then the answers to each batch, in one message. */
export type GuardThreadReply = { readonly ready: true } | { readonly batch: readonly (InspectedMessage | FailedMessage)[] };
