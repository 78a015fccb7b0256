import { createAnonymizer, InMemoryVault, type AnonymizePlan, type Vault } from '../anonymize/index.js';
import { BulwarkError, type ErrorCode } from '../core/index.js';
import type { Scanner } from '../scan/index.js';
import { detectInjection } from '../scan/injection/index.js';
import { createSecretScanner } from '../scan/secrets/index.js';
import { newCanary, type Canary } from './canary.js';
import { createChunkRestorer, type ChunkRestorer } from './chunk-restorer.js';
import { checkedStreamRestorer } from './checked-stream-restorer.js';
import { addDetection, type Detection } from './detection.js';
import { inspectSegments } from './inspect-segments.js';
import type { InjectionDetector } from './inspect-threats.js';
import { checkResponse, type OutputCheck } from './output-check.js';
import { outputSchemaFor } from './output-schema.js';
import type { GuardPolicy } from './privacy-policy.js';
import { restoreResponse } from './restore-response.js';
import { schemaCheckedStream } from './schema-checked-stream.js';

/** How findings in a request are transformed; the vault is supplied per conversation. */
export type RequestPlan = Omit<AnonymizePlan, 'vault'>;

/** Options of {@link createGuard}. */
export interface GuardOptions {
  /** Finds what to protect; configure its entity types to the ones the plan acts on. */
  readonly scanner: Scanner;
  /** Operator per entity type (default: tokenize every type the scanner reports). */
  readonly plan?: RequestPlan;
  /** A fresh vault for a conversation (default: an {@link InMemoryVault}). */
  readonly createVault?: () => Vault;
  /** Finds secrets in prompts and answers (default: the built-in secret detectors). */
  readonly secretScanner?: Scanner;
  /** Scores prompt injection (default: the scan layer's `detectInjection`). */
  readonly detectInjection?: InjectionDetector;
  /** Makes a request's canary (default: 80 random bits). */
  readonly newCanary?: () => Canary;
}

/** A request after inspection: what may go upstream, and what is needed to answer. */
export interface InspectedRequest<T> {
  /** The request with every finding transformed; the input is never modified. */
  readonly body: T;
  /** The conversation's placeholders; needed to restore the answer. */
  readonly vault: Vault;
  /** How many findings of each entity type (never the values). */
  readonly findings: Readonly<Record<string, number>>;
  /** The values found in the request (kept for this request only): the answer may echo them. */
  readonly promptValues: ReadonlySet<string>;
}

/** A chat request after the privacy and threat checks. */
export interface InspectedChat<T> extends InspectedRequest<T> {
  /** Threat detections; the output check adds the answer's to the same list. */
  readonly detections: Detection[];
  /** The refusal to throw when a check blocks the request (nothing may go upstream then). */
  readonly blocked: BulwarkError | undefined;
  /** The canary planted in the system prompt, if the policy plants one and there is one. */
  readonly canary: Canary | undefined;
  /**
   * `body` as JSON text, when the inspection produced it as text anyway (in a guard thread, whose
   * answer travels as text): whoever sends the body on can use it instead of serializing again.
   */
  readonly bodyJson?: string;
}

/** What the chat checks read from a policy. */
export type ChatPolicy = Pick<GuardPolicy, 'scanner' | 'plan' | 'output' | 'threats'>;

/** The privacy pipeline for OpenAI-style chat bodies, independent of HTTP. */
export interface Guard {
  /** Scans every text segment of a chat request and anonymizes what was found (PII only). */
  inspectRequest<T>(body: T, vault?: Vault, policy?: Pick<GuardPolicy, 'scanner' | 'plan'>): InspectedRequest<T>;
  /**
   * The full request path of a chat: prompt injection (direct and in untrusted content), secrets,
   * PII, and the canary, in one pass over the segments (see `inspectSegments`).
   */
  inspectChat<T>(body: T, policy: ChatPolicy, vault?: Vault): InspectedChat<T>;
  /**
   * How the answer to an inspected chat is checked, or `undefined` when the policy checks
   * nothing. New PII values are counted under `OUTPUT_<TYPE>` in `counts`; threat detections
   * join `inspected.detections`.
   */
  outputCheckFor(policy: ChatPolicy, inspected: InspectedChat<unknown>, counts: Record<string, number>): OutputCheck | undefined;
  /**
   * Restores the placeholders of a whole chat completion (see `restoreResponse`), then, given an
   * output check, checks it (see `checkResponse`; throws `ERR_GUARD_*` when it is withheld).
   */
  restoreResponse<T>(response: T, vault: Vault, output?: OutputCheck): T;
  /** A restorer for one streamed answer (see `createChunkRestorer`), checked when given an output check. */
  createStreamRestorer(vault: Vault, output?: OutputCheck): ChunkRestorer;
}

const BLOCKED_MESSAGES: Partial<Record<ErrorCode, string>> = {
  ERR_GUARD_INJECTION_BLOCKED: 'The request was refused: suspected prompt injection.',
  ERR_GUARD_SECRET_BLOCKED: 'The request was refused: it contains a secret (an API key, token or private key).',
};

/**
 * Builds the guard. The plan is validated here (a bad operator throws now, not on the first
 * request). All segments of one request share one vault, so the same value gets the same
 * placeholder wherever it appears in the conversation.
 */
export function createGuard(options: GuardOptions): Guard {
  const { scanner } = options;
  const plan: RequestPlan = options.plan ?? { default: { type: 'tokenize' } };
  const createVault = options.createVault ?? (() => new InMemoryVault());
  const secretScanner = options.secretScanner ?? createSecretScanner();
  const detect = options.detectInjection ?? detectInjection;
  const makeCanary = options.newCanary ?? (() => newCanary());
  createAnonymizer({ ...plan, vault: createVault() });

  return {
    inspectRequest(body, vault = createVault(), policy) {
      const r = inspectSegments(body, policy?.scanner ?? scanner, policy?.plan ?? plan, vault);
      return { body: r.body, vault, findings: r.findings, promptValues: r.promptValues };
    },
    inspectChat(body, policy, vault = createVault()) {
      const detections: Detection[] = [];
      const canary = policy.threats.canary.enabled ? makeCanary() : undefined;
      const r = inspectSegments(body, policy.scanner, policy.plan, vault, { policy: policy.threats, secretScanner, detectInjection: detect, detections, canary });
      const blocked = r.blocked === undefined ? undefined : new BulwarkError(r.blocked, BLOCKED_MESSAGES[r.blocked] ?? 'The request was refused by policy.');
      return { body: r.body, vault, findings: r.findings, promptValues: r.promptValues, detections, blocked, canary: r.canaryPlaced ? canary : undefined };
    },
    outputCheckFor(policy, inspected, counts) {
      const { threats } = policy;
      const onFinding = (type: string): void => {
        const k = `OUTPUT_${type}`;
        counts[k] = (counts[k] ?? 0) + 1;
      };
      const onDetection = (d: Detection): void => addDetection(inspected.detections, d);
      const schema = outputSchemaFor(inspected.body, threats.outputSchema);
      const secrets = threats.secrets.enabled && threats.secrets.output !== 'off' ? { scanner: secretScanner, action: threats.secrets.output } : undefined;
      const canary = inspected.canary === undefined ? undefined : { canary: inspected.canary, action: threats.canary.action };
      if (policy.output === undefined && secrets === undefined && canary === undefined && schema === undefined) return undefined;
      return {
        ...(policy.output === undefined ? {} : { scanner: policy.scanner }),
        action: policy.output?.action ?? 'flag',
        known: inspected.promptValues,
        onFinding,
        onDetection,
        ...(secrets === undefined ? {} : { secrets }),
        ...(canary === undefined ? {} : { canary }),
        ...(schema === undefined ? {} : { schema }),
      };
    },
    restoreResponse(response, vault, output) {
      const restored = restoreResponse(response, vault);
      return output === undefined ? restored : checkResponse(restored, output);
    },
    createStreamRestorer(vault, output) {
      let restorer = createChunkRestorer(vault);
      if (output === undefined) return restorer;
      if (output.scanner !== undefined || output.secrets !== undefined || output.canary !== undefined) restorer = checkedStreamRestorer(restorer, output);
      return output.schema === undefined ? restorer : schemaCheckedStream(restorer, output.schema, output.onDetection);
    },
  };
}
