import { describe, expect, it } from 'vitest';
import * as api from './index.js';

describe('src/anonymize public surface', () => {
  it('exports exactly these runtime names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'InMemoryVault',
        'MAX_ARGUMENTS_DEPTH',
        'MAX_HELD_BACK',
        'MAX_LABEL_LENGTH',
        'MAX_PLACEHOLDER_DIGITS',
        'OPERATOR_TYPES',
        'PLACEHOLDER_CLOSE',
        'PLACEHOLDER_OPEN',
        'anonymize',
        'applySegments',
        'compilePlan',
        'createAnonymizer',
        'createOperator',
        'createStreamingRestorer',
        'decryptToken',
        'deanonymize',
        'encryptOperator',
        'formatPlaceholder',
        'hashOperator',
        'keepOperator',
        'listChatSegments',
        'maskOperator',
        'parseAnonymizePlan',
        'parseOperatorConfig',
        'placeholderLabel',
        'redactOperator',
        'replaceOperator',
        'restore',
        'tokenizeOperator',
      ].sort(),
    );
  });
});
