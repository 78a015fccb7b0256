import type { Canary, Detection } from '../../guard/index.js';
import type { VaultEntry } from './recording-vault.js';

/**
 * Main thread to guard thread: inspect one chat body under the named policy. The body travels as
 * the request's JSON text when there is one, plus the top-level fields the gateway set after
 * parsing it (a capped `max_tokens`): text crosses threads as one copy, an object as a walk of
 * its whole tree on both sides.
 */
export type InspectMessage = {
  readonly id: number;
  /** `GuardPolicy.name`: the thread compiled the same policies from the same settings. */
  readonly policy: string;
} & ({ readonly body: unknown } | { readonly text: string; readonly overrides: Readonly<Record<string, unknown>> });

/** A finished inspection, as plain data (structured clone keeps Sets, drops class prototypes). */
export interface InspectedMessage {
  readonly id: number;
  /**
   * The cleaned body as JSON text: the main thread parses it (cheaper than deserializing a
   * cloned object) and sends the text upstream as it is (no second serialization there).
   */
  readonly bodyJson: string;
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
