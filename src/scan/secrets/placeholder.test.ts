import { describe, expect, it } from 'vitest';
import { looksLikePlaceholder, looksMasked, looksTemplated } from './placeholder.js';

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
});
