export { createLimits } from './create-limits.js';
export type { CreateLimitsOptions, Limits } from './create-limits.js';
export type { FailedAuthLimiter } from './failed-auth-limiter.js';
export { isLimitError, limitError } from './limit-error.js';
export type { LimitError } from './limit-error.js';
export type { LimitState } from './limit-state.js';
export type { LimitTier } from './limit-tiers.js';
export type { RequestSubjects } from './request-limiter.js';
export { countTokens, estimateChatTokens, requestedMaxTokens } from './estimate-chat-tokens.js';
