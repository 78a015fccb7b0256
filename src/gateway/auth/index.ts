export { requireKey } from './require-key.js';
export { presentedKey } from './presented-key.js';
export { newRequestAuthState } from './request-auth.js';
export type { RequestAuthState } from './request-auth.js';
export { adminKeyRoutes } from './admin-key-routes.js';
