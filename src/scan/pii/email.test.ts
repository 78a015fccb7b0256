import { describe, expect, it } from 'vitest';
import { emailDetector } from './email.js';

const values = (text: string) => emailDetector.detect(text, { regions: ['US'] }).map((f) => text.slice(f.start, f.end));

describe('emailDetector', () => {
  it.each([
    ['write to jane.doe@example.com today', ['jane.doe@example.com']],
    ['Jane_Doe+news@mail.example.co.uk.', ['Jane_Doe+news@mail.example.co.uk']],
    ['<mailto:ops@example.org>', ['ops@example.org']],
    ['a@b.io, c@d.io', ['a@b.io', 'c@d.io']],
    ['...john@x.io', ['john@x.io']],
    ['user@xn--bcher-kva.example', ['user@xn--bcher-kva.example']],
    ['x@sub-domain.example.com-', ['x@sub-domain.example.com']],
  ])('finds the address in %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['no at sign here', 'plain text'],
    ['user@localhost', 'single-label domain'],
    ['user@example.c', 'one-letter TLD'],
    ['user@example.c0m', 'TLD with a digit'],
    ['user@-example.com', 'label starting with a hyphen'],
    ['user@exa..mple.com', 'empty label'],
    ['john.@example.com', 'local part ending with a dot'],
    ['logo@2x.png', 'a file name'],
    ['@scope/package', 'an npm scope'],
    ['', 'empty text'],
  ])('rejects %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '👋 mail me: a.b@example.com';
    const [f] = emailDetector.detect(text, { regions: ['US'] });
    expect(f).toMatchObject({ type: 'EMAIL_ADDRESS', start: 12, end: 27, detector: 'pii.email' });
    expect(f!.score).toBeGreaterThanOrEqual(0.85);
  });
});
