import { describe, expect, it } from 'vitest';
import { urlDetector } from './url.js';

const found = (text: string) =>
  urlDetector.detect(text, { regions: ['US'] }).map((f) => [text.slice(f.start, f.end), f.score] as const);
const values = (text: string) => found(text).map(([v]) => v);

describe('urlDetector', () => {
  it.each([
    ['see https://example.com/path?q=1#frag now', ['https://example.com/path?q=1#frag']],
    ['My website is http://www.ScrapbookInsider.com.pt/', ['http://www.ScrapbookInsider.com.pt/']],
    ['(see https://x.io/a).', ['https://x.io/a']],
    ['[docs](https://en.wikipedia.org/wiki/Foo_(bar))', ['https://en.wikipedia.org/wiki/Foo_(bar)']],
    ['ftp://files.example.org/pub/file.txt, then', ['ftp://files.example.org/pub/file.txt']],
    ['http://user:pw@host.example.com:8080/x', ['http://user:pw@host.example.com:8080/x']],
    ['http://192.168.0.1/admin', ['http://192.168.0.1/admin']],
    ['http://[::1]:8080/x', ['http://[::1]:8080/x']],
    ['visit www.example.co.uk!', ['www.example.co.uk']],
    ['example.com and sub.domain.co.uk', ['example.com', 'sub.domain.co.uk']],
  ])('finds %j', (text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it.each([
    ['report.pdf', 'a document name'],
    ['index.js and main.ts', 'source files'],
    ['README.md and setup.py', 'file names whose extension is also a country code'],
    ['jane@example.com', 'the domain of an email address'],
    ['/usr/lib/foo.so', 'a path'],
    ['Version 1.2.3 is out', 'a version number'],
    ['end of sentence.Then more', 'a missing space after a full stop'],
    ['javascript://example.com', 'an unknown scheme'],
    ['', 'empty text'],
  ])('ignores %j (%s)', (text) => {
    expect(values(text)).toEqual([]);
  });

  it('scores bare domains below the threshold and scheme URLs above it', () => {
    expect(found('example.com')[0]![1]).toBeLessThan(0.5);
    expect(found('www.example.com')[0]![1]).toBeGreaterThanOrEqual(0.5);
    expect(found('https://example.com')[0]![1]).toBeGreaterThanOrEqual(0.85);
  });

  it('reports UTF-16 offsets after an emoji', () => {
    const text = '🎉🎉 https://example.com/a';
    expect(urlDetector.detect(text, { regions: ['US'] })[0]).toMatchObject({ start: 5, end: 26, type: 'URL' });
  });
});
