import { parseAssignment, type AssignedValue } from './assignment.js';
import { classifyCredentialName } from './credential-name.js';
import { credentialValueIssue, type CredentialKind } from './credential-value.js';
import { shannonEntropy } from './entropy.js';
import { expandIdentifier, identifierWords, standsAsWord } from './identifier.js';
import { looksLikePlaceholder } from './placeholder.js';
import type { SecretMatch, SecretRule, SecretScanState } from './secret-rule.js';

/** An identifier with a keyword in it and the value assigned to it. */
export interface KeyedCandidate {
  /** The identifier as written. */
  readonly name: string;
  /** Its lower-case words (see {@link identifierWords}). */
  readonly words: readonly string[];
  readonly value: AssignedValue;
  /** The value as written. */
  readonly secret: string;
}

/**
 * Last words of a name that make it a pointer to or a property of a secret rather than the secret
 * (`api_key_id`, `token_url`, `password_file`, `secret_name`).
 */
export const NON_SECRET_HEADS: ReadonlySet<string> = new Set([
  'id', 'ids', 'name', 'names', 'url', 'uri', 'urls', 'host', 'hostname', 'endpoint', 'domain', 'region',
  'site', 'path', 'file', 'filename', 'files', 'dir', 'directory', 'folder', 'version', 'type', 'kind',
  'enabled', 'enable', 'disabled', 'env', 'environment', 'port', 'timeout', 'user', 'username', 'email',
  'mail', 'org', 'organization', 'project', 'team', 'workspace', 'channel', 'format', 'mode', 'level',
  'count', 'size', 'length', 'len', 'prefix', 'suffix', 'header', 'param', 'field', 'label', 'tag', 'date',
  'time', 'expiry', 'expires', 'expiration', 'ttl', 'scope', 'scopes', 'role', 'policy', 'provider',
  'location', 'zone', 'bucket', 'table', 'index', 'queue', 'topic', 'method', 'algorithm', 'alg',
  'fingerprint', 'hint', 'pattern', 'regex', 'rule', 'rules', 'var', 'variable', 'ref', 'reference',
  'source', 'store', 'vault', 'manager', 'service', 'client', 'hash', 'digest', 'checksum', 'sha',
  'md', 'salt', 'cert', 'certificate', 'pair', 'bits', 'str', 'selector', 'separator',
  'exist', 'exists', 'controller', 'handler', 'callback', 'func', 'function', 'class', 'module', 'test',
  'tests', 'spec', 'mock', 'example', 'sample',
]);

/** Words anywhere in a name that mark it as not holding a live credential. */
const NEGATIVE_WORDS: ReadonlySet<string> = new Set([
  'fake', 'dummy', 'example', 'sample', 'mock', 'public', 'pub', 'csrf', 'xsrf', 'placeholder', 'not',
]);

/**
 * Every identifier in the text that contains one of `keywords` (with `wordBound`, as a word: see
 * {@link standsAsWord}) and is assigned a value, once per identifier.
 */
export function keyedCandidates(
  state: SecretScanState,
  keywords: readonly string[],
  options: { readonly schemes: boolean; readonly wordBound: boolean },
): KeyedCandidate[] {
  const { text } = state;
  const seen = new Set<number>();
  const out: KeyedCandidate[] = [];
  for (const k of keywords) {
    for (const pos of keywordPositions(state, k)) {
      if (options.wordBound && !standsAsWord(text, pos, k.length)) continue;
      const id = expandIdentifier(text, pos, pos + k.length);
      if (seen.has(id.start)) continue;
      seen.add(id.start);
      const value = parseAssignment(text, id.start, id.end, { schemes: options.schemes });
      if (!value) continue;
      const name = text.slice(id.start, id.end);
      out.push({ name, words: identifierWords(name), value, secret: text.slice(value.start, value.end) });
    }
  }
  return out;
}

/** Where `keyword` occurs: from the keyword pass when it recorded them, else by searching. */
export function keywordPositions(state: SecretScanState, keyword: string): readonly number[] {
  const recorded = state.occurrences(keyword);
  if (recorded) return recorded;
  const found: number[] = [];
  const { lower } = state;
  for (let pos = lower.indexOf(keyword); pos >= 0; pos = lower.indexOf(keyword, pos + 1)) found.push(pos);
  return found;
}

/**
 * True when a name holding a provider word names a credential: a credential word at its end
 * (`MISTRAL_API_KEY`, `oktaToken`), a provider key (`MERAKI_KEY`), or the provider alone
 * (`sourcegraph: …`). `MISTRAL_MODEL`, `DATADOG_SITE` and `HEROKU_APP_ID` do not.
 */
function namesProviderCredential(c: KeyedCandidate, keywords: readonly string[]): boolean {
  const head = c.words[c.words.length - 1];
  if (head === undefined || NON_SECRET_HEADS.has(head)) return false;
  if (classifyCredentialName(c.words) !== undefined || head === 'key') return true;
  return keywords.includes(c.name.toLowerCase());
}

/** A provider credential assigned to a name that mentions the provider (`DATADOG_API_KEY=…`). */
export interface KeyedRuleSpec {
  readonly id: string;
  readonly description: string;
  /** Provider words (lower case) that must stand as a word of the name. */
  readonly keywords: readonly string[];
  /** The whole value must match (anchor it with `^…$`). */
  readonly value: RegExp;
  /** Minimum Shannon entropy of the value. */
  readonly entropy?: number;
  /**
   * Accept any name with the provider word, even one ending in a word of {@link NON_SECRET_HEADS}
   * (`SUMO_ACCESS_ID`: the id is half of the credential).
   */
  readonly anyHead?: boolean;
  /** Default 0.85. */
  readonly score?: number;
}

/** Builds a {@link SecretRule} from a {@link KeyedRuleSpec}. */
export function keyedRule(spec: KeyedRuleSpec): SecretRule {
  const base = `${spec.description} (secret.${spec.id}); assigned to a ${spec.keywords[0]} name`;
  return {
    id: spec.id,
    description: spec.description,
    keywords: spec.keywords,
    anchored: true,
    find(state) {
      const found: SecretMatch[] = [];
      for (const c of keyedCandidates(state, spec.keywords, { schemes: false, wordBound: true })) {
        if (c.words.some((w) => NEGATIVE_WORDS.has(w))) continue;
        if (!spec.anyHead && !namesProviderCredential(c, spec.keywords)) continue;
        if (!spec.value.test(c.secret) || looksLikePlaceholder(c.secret)) continue;
        let reason = base;
        if (spec.entropy !== undefined) {
          const bits = shannonEntropy(c.secret);
          if (bits < spec.entropy) continue;
          reason += `; entropy ${bits.toFixed(1)}`;
        }
        found.push({ start: c.value.start, end: c.value.end, score: spec.score ?? 0.85, reason });
      }
      return found;
    },
  };
}

/** How the name of a generic assignment is read: which kind of credential it holds, if any. */
export type NameClassifier = (words: readonly string[]) => CredentialKind | undefined;

/** A generic assignment rule: names classified by `classify`, values judged by {@link credentialValueIssue}. */
export interface AssignmentRuleSpec {
  readonly id: string;
  readonly description: string;
  readonly keywords: readonly string[];
  readonly classify: NameClassifier;
  /** Skip an authorization scheme (`Bearer`) before the value. */
  readonly schemes?: boolean;
  /** Score of a password and of a key/token. */
  readonly score: { readonly password: number; readonly key: number };
}

/** Builds a {@link SecretRule} from an {@link AssignmentRuleSpec}. */
export function assignmentRule(spec: AssignmentRuleSpec): SecretRule {
  return {
    id: spec.id,
    description: spec.description,
    keywords: spec.keywords,
    anchored: true,
    find(state) {
      const found: SecretMatch[] = [];
      for (const c of keyedCandidates(state, spec.keywords, { schemes: spec.schemes ?? false, wordBound: false })) {
        if (c.words.some((w) => NEGATIVE_WORDS.has(w))) continue;
        const kind = spec.classify(c.words);
        if (kind === undefined) continue;
        if (credentialValueIssue(c.secret, kind, c.value.quote !== '') !== undefined) continue;
        const bits = shannonEntropy(c.secret);
        found.push({
          start: c.value.start,
          end: c.value.end,
          score: spec.score[kind],
          reason: `${spec.description} (secret.${spec.id}); ${kind} assigned to a ${c.words.join('_')} name; entropy ${bits.toFixed(1)}`,
        });
      }
      return found;
    },
  };
}
