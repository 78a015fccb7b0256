import { applySegments, createAnonymizer, InMemoryVault, listChatSegments, type AnonymizePlan, type SegmentReplacement, type Vault } from '../anonymize/index.js';
import type { Scanner } from '../scan/index.js';
import { createChunkRestorer, type ChunkRestorer } from './chunk-restorer.js';
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
}

/** The privacy pipeline for OpenAI-style chat bodies, independent of HTTP. */
export interface Guard {
  /** Scans every text segment of a chat request and anonymizes what was found. */
  inspectRequest<T>(body: T, vault?: Vault): InspectedRequest<T>;
  /** Restores the placeholders of a whole chat completion (see `restoreResponse`). */
  restoreResponse<T>(response: T, vault: Vault): T;
  /** A restorer for one streamed answer (see `createChunkRestorer`). */
  createStreamRestorer(vault: Vault): ChunkRestorer;
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
    inspectRequest(body, vault = createVault()) {
      const counts = new Map<string, number>();
      const replacements: SegmentReplacement[] = [];
      let anonymizer: ReturnType<typeof createAnonymizer> | undefined;
      for (const segment of listChatSegments(body)) {
        const findings = scanner.scan(segment.text);
        if (findings.length === 0) continue;
        for (const f of findings) counts.set(f.type, (counts.get(f.type) ?? 0) + 1);
        // Operators bind the vault when built: build them once per request, and only if needed.
        anonymizer ??= createAnonymizer({ ...plan, vault });
        const { text } = anonymizer(segment.text, findings);
        if (text !== segment.text) replacements.push({ path: segment.path, text });
      }
      return { body: applySegments(body, replacements), vault, findings: Object.fromEntries(counts) };
    },
    restoreResponse,
    createStreamRestorer: createChunkRestorer,
  };
}
