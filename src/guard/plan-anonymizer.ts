// From the module, not the index: `createVaultAnonymizer` is not part of the package's public API.
import { createVaultAnonymizer, type VaultAnonymizer } from '../anonymize/anonymize.js';
import type { AnonymizePlan } from '../anonymize/index.js';

// A policy's plan lives as long as the process: its operators are built once, not per request
// (building them per request was a sizeable share of a request's guard time; `hash` derives an
// HMAC key). Keyed by the plan object, so a new plan gets new operators.
const compiled = new WeakMap<Omit<AnonymizePlan, 'vault'>, VaultAnonymizer>();

/** The anonymizer of `plan`, compiled on first use (throws then on an invalid plan). */
export function planAnonymizer(plan: Omit<AnonymizePlan, 'vault'>): VaultAnonymizer {
  let anonymizer = compiled.get(plan);
  if (anonymizer === undefined) {
    anonymizer = createVaultAnonymizer(plan);
    compiled.set(plan, anonymizer);
  }
  return anonymizer;
}
