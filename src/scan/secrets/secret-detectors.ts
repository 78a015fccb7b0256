import type { Detector } from '../detector.js';

/**
 * Every built-in secret detector. Each emits entity type `SECRET` with a stable id
 * `secret.<format>` (e.g. `secret.github_pat`). SKELETON: the rules are being written.
 */
export const secretDetectors: readonly Detector[] = [];
