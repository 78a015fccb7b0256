import type { CredentialKind } from './credential-value.js';

/** Single words that name a password (`PGPASSWORD`, `db_pass`). */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'passphrase', 'pwd', 'pass', 'passcode', 'pword']);
/** Single words that name a key or token on their own. */
const KEY_WORDS = new Set([
  'secret', 'token', 'pat', 'apikey', 'apisecret', 'apitoken', 'secretkey', 'accesskey', 'privatekey', 'masterkey',
  'signingkey', 'encryptionkey', 'authkey', 'appkey', 'appsecret', 'licensekey', 'authtoken', 'accesstoken',
  'refreshtoken', 'bottoken', 'sessiontoken', 'bearertoken', 'oauthtoken', 'usertoken', 'apptoken',
  'clientsecret', 'consumersecret', 'secrettoken', 'webhooksecret', 'sharedsecret', 'subscriptionkey',
]);
/** Words before `key` that make it a credential (`api key`, `access key`, `signing key`). */
const KEY_MODIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'auth', 'client', 'encryption', 'encrypt', 'signing', 'sign',
  'master', 'app', 'application', 'license', 'licence', 'consumer', 'shared', 'webhook', 'session',
  'storage', 'admin', 'bot', 'integration', 'subscription', 'hmac', 'jwt', 'crypto', 'cipher', 'aes',
  'deploy', 'personal', 'root', 'write', 'ingest', 'server', 'account', 'service', 'cookie',
]);
/** Words before `token` that make it something other than a credential (LLM vocabularies, paging). */
const TOKEN_NON_CREDENTIAL = new Set([
  'csrf', 'xsrf', 'next', 'page', 'continuation', 'cancel', 'cancellation', 'sync', 'max', 'min', 'num',
  'total', 'count', 'input', 'output', 'completion', 'prompt', 'special', 'bos', 'eos', 'pad', 'unk',
  'sep', 'cls', 'mask', 'start', 'end', 'stop', 'lexer', 'parser', 'syntax', 'cursor', 'form', 'verification',
]);

/**
 * What a name's last word (and the one before it) says it holds: `db_password` a password,
 * `client_secret`, `authToken`, `X-Api-Key` a key; `api_key_id`, `max_tokens`, `keyword` nothing.
 */
export function classifyCredentialName(words: readonly string[]): CredentialKind | undefined {
  const last = words[words.length - 1];
  const prev = words[words.length - 2];
  if (last === undefined) return undefined;
  if (PASSWORD_WORDS.has(last) || /(?:password|passwd)$/.test(last)) return 'password';
  if (last === 'token') return prev !== undefined && TOKEN_NON_CREDENTIAL.has(prev) ? undefined : 'key';
  if (KEY_WORDS.has(last) || /(?:secret|apikey|accesskey|secretkey)$/.test(last)) return 'key';
  if (last === 'key' && prev !== undefined && KEY_MODIFIERS.has(prev)) return 'key';
  return undefined;
}
