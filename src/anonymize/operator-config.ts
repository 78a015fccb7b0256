/**
 * An operator described as plain data, so it can come from a YAML policy. Defaults:
 * - `replace`: `value` = `<ENTITY_TYPE>`;
 * - `mask`: `char` `*`, `keepLast` 4, `keepFirst` 0, counted in code points; when the kept parts
 *   would cover the whole value, everything is masked instead (a short value is never shown);
 * - `hash`: HMAC-SHA-256 as lower-case hex, `length` 64 (the full digest; 8–64 allowed);
 * - `encrypt`: AES-256-GCM, the entity type bound as associated data, base64url token;
 * - `tokenize`: a `⟦LABEL_N⟧` placeholder from the plan's vault.
 */
export type OperatorConfig =
  | { readonly type: 'keep' }
  | { readonly type: 'redact' }
  | { readonly type: 'replace'; readonly value?: string }
  | { readonly type: 'mask'; readonly char?: string; readonly keepLast?: number; readonly keepFirst?: number }
  | { readonly type: 'hash'; readonly key: Uint8Array; readonly length?: number }
  | { readonly type: 'encrypt'; readonly key: Uint8Array }
  | { readonly type: 'tokenize' };

/** The names of the built-in operators. */
export const OPERATOR_TYPES = ['keep', 'redact', 'replace', 'mask', 'hash', 'encrypt', 'tokenize'] as const;

/** One built-in operator name. */
export type OperatorType = (typeof OPERATOR_TYPES)[number];
