import { describe, expect, it } from 'vitest';
import { parseAssignment } from './assignment.js';

function valueAfter(text: string, name: string, schemes = false): string | undefined {
  const start = text.indexOf(name);
  const v = parseAssignment(text, start, start + name.length, { schemes });
  return v && text.slice(v.start, v.end);
}

describe('parseAssignment', () => {
  it.each([
    ['PASSWORD=s3cret!', 'PASSWORD', 's3cret!'],
    ['password = "a b c"', 'password', 'a b c'],
    ['"token": "abc123"', 'token', 'abc123'],
    ["os.environ['TOKEN'] = 'x1'", 'TOKEN', 'x1'],
    ['secret: x9;', 'secret', 'x9'],
    ['key := `v`', 'key', 'v'],
    ["'password' => 'v2'", 'password', 'v2'],
    ['<password>v3</password>', 'password', 'v3'],
    ['--password v4 --host h', 'password', 'v4'],
    ['client_srt = \\"qpF8Q\\";', 'client_srt', 'qpF8Q'],
    ['Pwd=abc;Server=x', 'Pwd', 'abc'],
  ])('%s', (text, name, value) => expect(valueAfter(text, name)).toBe(value));

  it('skips an authorization scheme only when asked', () => {
    expect(valueAfter('Authorization: Bearer abc.def', 'Authorization', true)).toBe('abc.def');
    expect(valueAfter('Authorization: Bearer abc.def', 'Authorization')).toBe('Bearer');
  });

  it.each([
    ['the password is hunter2', 'password'],
    ['password\n= x', 'password'],
    ['token = "unterminated', 'token'],
    ['token = ', 'token'],
  ])('finds no value in %s', (text, name) => expect(valueAfter(text, name)).toBeUndefined());
});
