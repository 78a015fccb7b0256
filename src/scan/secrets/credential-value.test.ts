import { describe, expect, it } from 'vitest';
import { credentialValueIssue } from './credential-value.js';

describe('credentialValueIssue', () => {
  it.each([
    ['hunter2', 'password', true],
    ['Summer2024!', 'password', true],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY', 'key', true],
    ['3fea6af1349166ea', 'key', true],
    ['c4ed6c21-9dd5-4a05-8e3f-c56d1151cce8', 'key', true],
    ['Summer-2024', 'password', true],
    ['password1', 'password', true],
    ['1ec9414c-232a-7b00-b3c8-9e6bdeced846', 'key', true],
  ] as const)('accepts %s as a %s', (value, kind, quoted) => expect(credentialValueIssue(value, kind, quoted)).toBeUndefined());

  it.each([
    ['abc', 'password', true, 'short'],
    ['correct horse battery', 'password', true, 'white space'],
    ['changeme', 'password', true, 'placeholder'],
    ['getenv("X")', 'key', false, 'expression'],
    ['https://api.test.io/token', 'key', true, 'expression'],
    ['settings.SECRET_KEY', 'key', false, 'reference'],
    ['password_input', 'password', false, 'reference'],
    ['/etc/secrets/api.key', 'key', true, 'path'],
    ['s_rsa1024_priv.pem', 'key', true, 'path'],
    ['1234567890', 'key', true, 'number'],
    ['2023-01-01', 'password', true, 'number'],
    ['1234-1234-1234-abcd', 'key', true, 'typed'],
    ['abcdefghijklmnop', 'key', true, 'typed'],
    ['NEXUS-GPT4-API-KEY', 'key', true, 'words'],
    ['shorter-version', 'password', true, 'words'],
    ['notapassword', 'password', true, 'uniform'],
    ['aaaaaaaaaaaab1', 'key', true, 'typed'],
    ['AAAAABBBBB', 'key', true, 'uniform'],
    ['myapikey123', 'key', true, 'placeholder'],
    ['token_2024', 'key', true, 'placeholder'],
    // RFC 4122's DNS namespace (version 1) and a name-based (version 5) UUID: identifiers.
    ['6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'key', true, 'identifier'],
    ['886313e1-3b8a-5372-9b90-0c9aee199e5d', 'key', false, 'identifier'],
  ] as const)('rejects %s as a %s (%s)', (value, kind, quoted, why) => expect(credentialValueIssue(value, kind, quoted)).toBe(why));
});
