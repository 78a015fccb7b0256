import { applySegments, createAnonymizer, InMemoryVault, listChatSegments, type AnonymizePlan, type SegmentReplacement, type Vault } from '../anonymize/index.js';
import type { Scanner } from '../scan/index.js';
import { createChunkRestorer, type ChunkRestorer } from './chunk-restorer.js';
import { checkedStreamRestorer } from './checked-stream-restorer.js';
import { toNameField } from './name-field.js';
import { checkResponse, type OutputCheck } from './output-check.js';
import type { GuardPolicy } from './privacy-policy.js';
import { restoreResponse } from './restore-response.js';

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

/** The privacy pipeline for OpenAI-style chat bodies, independent of HTTP. */
export interface Guard {
  /** Scans every text segment of a chat request and anonymizes what was found. */
  inspectRequest<T>(body: T, vault?: Vault, policy?: Pick<GuardPolicy, 'scanner' | 'plan'>): InspectedRequest<T>;
  /**
   * Restores the placeholders of a whole chat completion (see `restoreResponse`), then, given an
   * output check, looks for values the prompt did not contain (see `checkResponse`).
   */
  restoreResponse<T>(response: T, vault: Vault, output?: OutputCheck): T;
  /** A restorer for one streamed answer (see `createChunkRestorer`), checked when given an output check. */
  createStreamRestorer(vault: Vault, output?: OutputCheck): ChunkRestorer;
}

/**
 * Builds the guard. The plan is validated here (a bad operator throws now, not on the first
 * request). All segments of one request share one vault, so the same value gets the same
 * placeholder wherever it appears in the conversation.
 */
export function createGuard(options: GuardOptions): Guard {
  const { scanner } = options;
  const plan: RequestPlan = options.plan ?? { default: { type: 'tokenize' } };
  const createVault = options.createVault ?? (() => new InMemoryVault());
  createAnonymizer({ ...plan, vault: createVault() });

  return {
    inspectRequest(body, vault = createVault(), policy) {
      const scan = policy?.scanner ?? scanner;
      const requestPlan = policy?.plan ?? plan;
      const counts = new Map<string, number>();
      const values = new Set<string>();
      const replacements: SegmentReplacement[] = [];
      let anonymizer: ReturnType<typeof createAnonymizer> | undefined;
      for (const segment of listChatSegments(body)) {
        const findings = scan.scan(segment.text);
        if (findings.length === 0) continue;
        for (const f of findings) {
          counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
          values.add(segment.text.slice(f.start, f.end));
        }
        // Operators bind the vault when built: build them once per request, and only if needed.
        anonymizer ??= createAnonymizer({ ...requestPlan, vault });
        let { text } = anonymizer(segment.text, findings);
        if (segment.kind === 'name') text = toNameField(text);
        if (text !== segment.text) replacements.push({ path: segment.path, text });
      }
      return { body: applySegments(body, replacements), vault, findings: Object.fromEntries(counts), promptValues: values };
    },
    restoreResponse(response, vault, output) {
      const restored = restoreResponse(response, vault);
      return output === undefined ? restored : checkResponse(restored, output);
    },
    createStreamRestorer(vault, output) {
      const restorer = createChunkRestorer(vault);
      return output === undefined ? restorer : checkedStreamRestorer(restorer, output);
    },
  };
}
