import { describe, expect, it } from 'vitest';
import { looksLikeNumberedStandIn, looksLikePairPlaceholder, looksLikePlaceholder, looksMasked, looksTemplated } from './placeholder.js';

describe('placeholder checks', () => {
  it.each(['${TOKEN}', '$API_KEY', '{{ secrets.X }}', '<your-key>', '%s', '%API_KEY%', '{password}', '[PASSWORD]', '$(cat key)', '#{token}', '<%= key %>'])(
    'treats %s as a template',
    (v) => expect(looksTemplated(v)).toBe(true),
  );

  it.each(['xxxxxxxx', 'ghp_XXXXXXXXXXXXXXXX', '****', '###', 'abc...', 'a…'])('treats %s as masked', (v) => expect(looksMasked(v)).toBe(true));

  it.each(['changeme', 'your_api_key', 'YOUR_PASSWORD', 'REPLACE_WITH_PASSWORD', 'insert_key_here', 'password', 'myPassword', 'the_token', 'secret', 'aaaaaaaa', 'example-key', 'dummy', 'a-fake-api-key', 'key-here', 'null'])(
    'treats %s as a placeholder',
    (v) => expect(looksLikePlaceholder(v)).toBe(true),
  );

  it.each(['hunter2', 'Password1$', 'P@ssw0rd$1', 'deadbeef', 's3cr3tP4ss', 'adhere2', 'Sphere-9x', '{ZqL5kVrX1n8tA2}', 'AAAAAAAAAAAAAAB'])(
    'keeps %s as a possible credential',
    (v) => expect(looksLikePlaceholder(v)).toBe(false),
  );

  // Callers apply this to keys only: `password1` may be someone's password.
  it.each(['apikey123', 'myToken2', 'secret_01', 'TEST42', 'password1'])('treats %s as a numbered stand-in', (v) => expect(looksLikeNumberedStandIn(v)).toBe(true));

  it.each(['apikey', 'k3y9x', '123', 'hunter22'])('does not treat %s as a numbered stand-in', (v) => expect(looksLikeNumberedStandIn(v)).toBe(false));

  // In a user:password pair only slot names and non-values stand in; weak words are literal.
  it.each(['password', 'myPassword', 'secret', 'token', 'null', '${PASS}', '<password>', 'xxxxx', 'YOUR_PASSWORD', '****'])(
    'treats %s as the placeholder of a pair',
    (v) => expect(looksLikePairPlaceholder(v)).toBe(true),
  );

  it.each(['pass', 'test', 'admin', 'root', 'hunter2', 's3cr3t'])('keeps %s as the password of a pair', (v) => expect(looksLikePairPlaceholder(v)).toBe(false));
});
