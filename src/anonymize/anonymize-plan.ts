import type { Operator } from './operator.js';
import type { OperatorConfig } from './operator-config.js';
import type { Vault } from './vault.js';

/** Which operator handles which entity type. */
export interface AnonymizePlan {
  /** For entity types not in `byType`; default `{ type: 'replace' }`. */
  readonly default?: OperatorConfig | Operator;
  /** Operator per entity type (`EMAIL_ADDRESS`, ...): a config or a custom {@link Operator}. */
  readonly byType?: Readonly<Record<string, OperatorConfig | Operator>>;
  /** Required when any operator is `tokenize`: the conversation's vault. */
  readonly vault?: Vault;
}

/** One replaced entity. Offsets are UTF-16 indices into the OUTPUT text; no original value. */
export interface AnonymizedItem {
  type: string;
  operator: string;
  start: number;
  end: number;
}

/** The anonymized text and what was replaced where. */
export interface AnonymizeResult {
  text: string;
  items: AnonymizedItem[];
}
