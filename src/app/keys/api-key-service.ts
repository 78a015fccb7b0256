import { createHmac, createSecretKey } from 'node:crypto';
import { BulwarkError } from '../../core/bulwark-error.js';
import { base64urlDecode, base64urlEncode, randomBytes, timingSafeEqual } from '../../crypto/index.js';
// Not in the crypto index (the public library): only the server compares key secrets as text.
import { timingSafeEqualText } from '../../crypto/timing-safe-equal.js';
import { formatApiKey, generateApiKeyParts, parseApiKey } from './api-key-format.js';
import { isApiKeyScope, type ApiKeyScope } from './api-key-scopes.js';
import { createVerifiedKeyCache } from './verified-key-cache.js';

/** An API key as its repository keeps it (the digest of the secret, never the secret). */
export interface StoredApiKey {
  readonly id: string;
  readonly name: string;
  readonly digest: string;
  readonly scopes: readonly string[];
  readonly models: readonly string[] | null;
  readonly createdAt: Date;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
  readonly replacedBy: string | null;
}

/** The port the key service needs from a store (`src/store` satisfies it). */
export interface ApiKeyRepository {
  insert(record: StoredApiKey): Promise<void>;
  findById(id: string): Promise<StoredApiKey | undefined>;
  list(): Promise<StoredApiKey[]>;
  revoke(id: string, at: Date): Promise<boolean>;
  replace(oldId: string, replacement: StoredApiKey, oldExpiresAt: Date): Promise<boolean>;
}

/** A key record with its digest decoded, as the verified-key cache keeps it. */
interface CachedKey {
  readonly record: StoredApiKey;
  readonly digest: Uint8Array;
  /**
   * The secret that last matched the digest, while the record is cached (seconds): the same
   * secret again is compared in constant time instead of paying an HMAC on every request. It
   * never leaves this process's memory, where each request's key already passes through.
   */
  verified?: string;
}


/** A key as shown to operators: everything but the digest, plus its state now. */
export interface ApiKeyInfo extends Omit<StoredApiKey, 'digest'> {
  readonly status: 'active' | 'expired' | 'revoked';
}

/** A caller whose key checked out. */
export interface AuthenticatedKey {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly string[];
  readonly models: readonly string[] | null;
}

/** What a new key may do. */
export interface NewApiKey {
  readonly name: string;
  readonly scopes: readonly string[];
  /** `null` (or absent): any model. */
  readonly models?: readonly string[] | null;
  readonly expiresAt?: Date | null;
}

/** A key just issued: `key` is shown once and exists nowhere else. */
export interface IssuedApiKey {
  readonly key: string;
  readonly info: ApiKeyInfo;
}

/** Key management and authentication. */
export interface ApiKeyService {
  create(options: NewApiKey): Promise<IssuedApiKey>;
  list(): Promise<ApiKeyInfo[]>;
  /** Revokes now; the key fails its next request. Throws `ERR_KEYS_NOT_FOUND`. */
  revoke(id: string): Promise<ApiKeyInfo>;
  /** A new key with the same rights; the old one keeps working for `graceSeconds`, then expires. */
  rotate(id: string, graceSeconds: number): Promise<IssuedApiKey>;
  /** Checks a presented key; throws `ERR_AUTH_MALFORMED_KEY`, `_INVALID_KEY`, `_KEY_REVOKED` or `_KEY_EXPIRED`. */
  authenticate(presented: string): Promise<AuthenticatedKey>;
}

/** Options of {@link createApiKeyService}. */
export interface ApiKeyServiceOptions {
  readonly repository: ApiKeyRepository;
  /** Server secret (32 bytes) keying the HMAC of every key secret. */
  readonly pepper: Uint8Array;
  /** The clock (tests move it). */
  readonly now?: () => Date;
  /**
   * How long a key record read from the store is reused, in ms (default 5000; 0: read the store on
   * every request). Revoke and rotate through this service take effect at once; through another
   * process sharing the store, within this time.
   */
  readonly cacheTtlMs?: number;
}

const MAX_GRACE_SECONDS = 90 * 24 * 3600;

function invalid(message: string): BulwarkError {
  return new BulwarkError('ERR_KEYS_INVALID_OPTION', message);
}

function checkNew(options: NewApiKey, now: Date): void {
  if (typeof options.name !== 'string' || !/^[\x20-\x7e]{1,100}$/.test(options.name)) {
    throw invalid('A key name must be 1 to 100 printable ASCII characters.');
  }
  if (options.scopes.length === 0 || !options.scopes.every(isApiKeyScope)) {
    throw invalid('Give at least one scope out of: chat, embeddings, admin.');
  }
  const models = options.models ?? null;
  if (models !== null && (models.length === 0 || models.some((m) => typeof m !== 'string' || m.length === 0 || m.length > 256))) {
    throw invalid('An allowed-model list must name at least one model (or allow any).');
  }
  const expiresAt = options.expiresAt ?? null;
  if (expiresAt !== null && !(expiresAt.getTime() > now.getTime())) throw invalid('An expiry must be a time in the future.');
}

function statusOf(r: StoredApiKey, now: Date): ApiKeyInfo['status'] {
  if (r.revokedAt !== null && r.revokedAt <= now) return 'revoked';
  if (r.expiresAt !== null && r.expiresAt <= now) return 'expired';
  return 'active';
}

function infoOf(r: StoredApiKey, now: Date): ApiKeyInfo {
  const { digest: _digest, ...rest } = r;
  return { ...rest, status: statusOf(r, now) };
}

function authError(code: 'ERR_AUTH_MALFORMED_KEY' | 'ERR_AUTH_INVALID_KEY' | 'ERR_AUTH_KEY_REVOKED' | 'ERR_AUTH_KEY_EXPIRED'): BulwarkError {
  const messages = {
    ERR_AUTH_MALFORMED_KEY: 'The API key is malformed (check for a typo or a truncated copy).',
    ERR_AUTH_INVALID_KEY: 'The API key is not valid.',
    ERR_AUTH_KEY_REVOKED: 'The API key has been revoked.',
    ERR_AUTH_KEY_EXPIRED: 'The API key has expired.',
  };
  return new BulwarkError(code, messages[code]);
}

/**
 * API keys over a repository. Secrets are stored only as HMAC-SHA-256(pepper, id.secret), so a
 * copy of the database cannot be used to call the gateway, and compared as digests in constant
 * time. An unknown id still costs one HMAC and one comparison, so timing does not reveal which
 * ids exist; revoked and expired are reported only to holders of the right secret.
 */
export function createApiKeyService(options: ApiKeyServiceOptions): ApiKeyService {
  const { repository } = options;
  const now = options.now ?? (() => new Date());
  // node:crypto rather than the portable layer's pure-JS HMAC: this runs on every request, and app is server-side.
  const pepper = createSecretKey(options.pepper);
  const digestOf = (id: string, secret: string): Uint8Array => createHmac('sha256', pepper).update(`${id}.${secret}`, 'utf8').digest();
  const cache = createVerifiedKeyCache<CachedKey>(options.cacheTtlMs ?? 5000);
  // Compared against when the id is unknown: a digest no secret produces in practice.
  const decoy = randomBytes(32);

  function issue(template: NewApiKey, at: Date): { key: string; record: StoredApiKey } {
    const parts = generateApiKeyParts();
    const record: StoredApiKey = {
      id: parts.id,
      name: template.name,
      digest: base64urlEncode(digestOf(parts.id, parts.secret)),
      scopes: [...new Set(template.scopes)],
      models: template.models === undefined || template.models === null ? null : [...new Set(template.models)],
      createdAt: at,
      expiresAt: template.expiresAt ?? null,
      revokedAt: null,
      replacedBy: null,
    };
    return { key: formatApiKey(parts), record };
  }

  async function lookup(id: string): Promise<CachedKey | undefined> {
    const hit = cache.get(id);
    if (hit !== undefined) return hit;
    const record = await repository.findById(id);
    const digest = record === undefined ? undefined : base64urlDecode(record.digest);
    if (record === undefined || digest === undefined) return undefined;
    const entry: CachedKey = { record, digest };
    cache.set(id, entry);
    return entry;
  }

  async function existing(id: string): Promise<StoredApiKey> {
    const record = await repository.findById(id);
    if (record === undefined) throw new BulwarkError('ERR_KEYS_NOT_FOUND', `No API key has the id ${JSON.stringify(id.slice(0, 40))}.`);
    return record;
  }

  return {
    async create(template) {
      const at = now();
      checkNew(template, at);
      const { key, record } = issue(template, at);
      await repository.insert(record);
      return { key, info: infoOf(record, at) };
    },
    async list() {
      const at = now();
      return (await repository.list()).map((r) => infoOf(r, at));
    },
    async revoke(id) {
      cache.delete(id);
      if (!(await repository.revoke(id, now()))) await existing(id);
      return infoOf(await existing(id), now());
    },
    async rotate(id, graceSeconds) {
      if (!Number.isInteger(graceSeconds) || graceSeconds < 0 || graceSeconds > MAX_GRACE_SECONDS) {
        throw invalid(`A grace period is a whole number of seconds from 0 to ${MAX_GRACE_SECONDS}.`);
      }
      const at = now();
      cache.delete(id);
      const old = await existing(id);
      if (statusOf(old, at) !== 'active') throw new BulwarkError('ERR_KEYS_NOT_FOUND', 'Only an active key can be rotated.');
      const { key, record } = issue({ name: old.name, scopes: old.scopes, models: old.models, expiresAt: old.expiresAt }, at);
      if (!(await repository.replace(id, record, new Date(at.getTime() + graceSeconds * 1000)))) await existing(id);
      cache.delete(id);
      return { key, info: infoOf(record, at) };
    },
    async authenticate(presented) {
      const parts = parseApiKey(presented);
      if (parts === undefined) throw authError('ERR_AUTH_MALFORMED_KEY');
      const found = await lookup(parts.id);
      const known = found?.verified !== undefined && timingSafeEqualText(found.verified, parts.secret);
      const matches = known || timingSafeEqual(digestOf(parts.id, parts.secret), found?.digest ?? decoy);
      if (!matches || found === undefined) throw authError('ERR_AUTH_INVALID_KEY');
      found.verified = parts.secret;
      const { record } = found;
      const status = statusOf(record, now());
      if (status === 'revoked') throw authError('ERR_AUTH_KEY_REVOKED');
      if (status === 'expired') throw authError('ERR_AUTH_KEY_EXPIRED');
      return { id: record.id, name: record.name, scopes: record.scopes, models: record.models };
    },
  };
}

/** Throws `ERR_AUTH_SCOPE_DENIED` unless `key` holds `scope`. */
export function requireScope(key: AuthenticatedKey, scope: ApiKeyScope): void {
  if (!key.scopes.includes(scope)) throw new BulwarkError('ERR_AUTH_SCOPE_DENIED', `This API key lacks the "${scope}" scope.`);
}

/** Throws `ERR_AUTH_MODEL_DENIED` unless `key` may call `model`. */
export function requireModel(key: AuthenticatedKey, model: string): void {
  if (key.models !== null && !key.models.includes(model)) {
    throw new BulwarkError('ERR_AUTH_MODEL_DENIED', 'This API key may not use the requested model.');
  }
}
