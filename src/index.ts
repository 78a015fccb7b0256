/**
 * The portable library: detection (scan), transformation (anonymize) and the primitives they use
 * (crypto, core). Everything here runs in Node and in browsers. Subpath exports
 * (`bulwark/scan`, `bulwark/anonymize`, `bulwark/crypto`, `bulwark/core`) give the same names.
 */
export * from './core/index.js';
export * from './scan/index.js';
export * from './crypto/index.js';
export * from './anonymize/index.js';
