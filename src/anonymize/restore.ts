import { restoreRun } from './restore-run.js';
import type { Vault } from './vault.js';

/**
 * Replaces the placeholders the vault issued with their original values. Tolerates, for issued
 * placeholders only, what models do to them: case (`⟦email_1⟧`), up to two spaces inside the
 * brackets (`⟦ EMAIL_1 ⟧`), look-alike brackets (`〚 〛`, `[[ ]]`, `[ ]`, unpaired too) and
 * missing brackets (`EMAIL_1` as a whole word). Unknown placeholders and all other text stay as
 * they are. Restored values are inserted verbatim, never scanned again.
 */
export function restore(text: string, vault: Vault): string {
  return restoreRun(text, -1, { vault, final: true }).output;
}
