export { buildGuardSetup, guardSettings } from './guard-settings.js';
export type { GuardSettings, GuardSetup } from './guard-settings.js';
export { createGuardThreads } from './guard-threads.js';
export type { GuardThreads, GuardThreadsOptions } from './guard-threads.js';
export { RecordingVault, replayVault } from './recording-vault.js';
export type { VaultEntry } from './recording-vault.js';
