export { createGuard } from './guard.js';
export type { Guard, GuardOptions, InspectedRequest, RequestPlan } from './guard.js';
export { restoreResponse } from './restore-response.js';
export { createChunkRestorer } from './chunk-restorer.js';
export type { ChunkRestorer } from './chunk-restorer.js';
