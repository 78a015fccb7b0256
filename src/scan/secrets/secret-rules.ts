import { chatRules } from './rules/chat.js';
import { cloudRules } from './rules/cloud.js';
import { configFileRules } from './rules/config-files.js';
import { devopsRules } from './rules/devops.js';
import { genericRules } from './rules/generic.js';
import { keyRules } from './rules/keys.js';
import { llmRules } from './rules/llm.js';
import { paymentRules } from './rules/payment.js';
import { saasRules } from './rules/saas.js';
import { urlRules } from './rules/urls.js';
import { vcsRules } from './rules/vcs.js';
import type { SecretRule } from './secret-rule.js';

/**
 * The rule table: every provider format and generic family, grouped by provider family. Ids are
 * unique and stable (`secret.<id>` in findings and audit records).
 */
export const secretRules: readonly SecretRule[] = [
  ...keyRules,
  ...cloudRules,
  ...vcsRules,
  ...devopsRules,
  ...paymentRules,
  ...chatRules,
  ...llmRules,
  ...saasRules,
  ...urlRules,
  ...configFileRules,
  ...genericRules,
];
