export { buildGuardSetup, guardSettings } from './guard-settings.js';
export type { GuardSettings, GuardSetup } from './guard-settings.js';
export { createGuardThreads } from './guard-threads.js';
export type { BodySource, GuardThreads, GuardThreadsOptions } from './guard-threads.js';
