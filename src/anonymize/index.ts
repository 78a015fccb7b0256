export { anonymize, createAnonymizer } from './anonymize.js';
export type { Anonymizer } from './anonymize.js';
export type { AnonymizePlan, AnonymizedItem, AnonymizeResult } from './anonymize-plan.js';
export { deanonymize } from './deanonymize.js';
export { compilePlan } from './compile-plan.js';
export type { OperatorResolver } from './compile-plan.js';
export { createOperator } from './create-operator.js';
export type { Operator } from './operator.js';
export { OPERATOR_TYPES } from './operator-config.js';
export type { OperatorConfig, OperatorType } from './operator-config.js';
export { parseOperatorConfig, parseAnonymizePlan } from './parse-operator-config.js';
export { keepOperator } from './operators/keep.js';
export { redactOperator } from './operators/redact.js';
export { replaceOperator } from './operators/replace.js';
export { maskOperator } from './operators/mask.js';
export type { MaskOptions } from './operators/mask.js';
export { hashOperator } from './operators/hash.js';
export type { HashOptions } from './operators/hash.js';
export { encryptOperator, decryptToken } from './operators/encrypt.js';
export { tokenizeOperator } from './operators/tokenize.js';
export type { Vault } from './vault.js';
export { InMemoryVault } from './in-memory-vault.js';
export {
  placeholderLabel,
  formatPlaceholder,
  PLACEHOLDER_OPEN,
  PLACEHOLDER_CLOSE,
  MAX_LABEL_LENGTH,
  MAX_PLACEHOLDER_DIGITS,
} from './placeholder.js';
export { restore } from './restore.js';
export { createStreamingRestorer } from './streaming-restorer.js';
export type { StreamingRestorer } from './streaming-restorer.js';
export { MAX_HELD_BACK } from './placeholder-matcher.js';
export { listChatSegments, MAX_ARGUMENTS_DEPTH } from './list-chat-segments.js';
export { applySegments } from './apply-segments.js';
export type { ChatSegment, SegmentKind, SegmentPath, SegmentReplacement } from './chat-segment.js';
