import { describe, expect, it } from 'vitest';
import { locateSecrets } from './secrets-locate.js';
import { printable, reportHuman, reportJson, summaryLine, type SecretReportItem } from './secrets-report.js';

const SECRET = 'sk_live_0123456789abcdefghij';
const TEXT = `config:\n  key: ${SECRET}\n`;
const [HIT] = locateSecrets(TEXT, [{ type: 'SECRET', start: TEXT.indexOf(SECRET), end: TEXT.indexOf(SECRET) + SECRET.length, score: 0.9, detector: 'secret.stripe', reason: 'prefix' }]);
const FILE_ITEM: SecretReportItem = { ...HIT!, path: 'conf/app.yaml' };
const GIT_ITEM: SecretReportItem = { ...HIT!, path: '.env', commit: 'a'.repeat(40), date: '2024-05-01T10:00:00+02:00', blob: 'b'.repeat(40) };

describe('reportHuman', () => {
  it('prints path:line:col, detector and the masked preview, never the value', () => {
    expect(reportHuman([FILE_ITEM])).toBe('conf/app.yaml:2:8  secret.stripe  sk_l…\n');
  });

  it('adds the short commit id and the author day for history hits', () => {
    expect(reportHuman([GIT_ITEM])).toBe(`.env:2:8  secret.stripe  sk_l…  commit ${'a'.repeat(12)} 2024-05-01\n`);
  });

  it('aligns columns and prints nothing for no hits', () => {
    const out = reportHuman([FILE_ITEM, { ...FILE_ITEM, path: 'x', detector: 'secret.aws_access_key' }]);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]!.indexOf('secret.')).toBe(lines[1]!.indexOf('secret.'));
    expect(reportHuman([])).toBe('');
  });

  it('escapes control and bidi characters in paths', () => {
    const out = reportHuman([{ ...FILE_ITEM, path: 'evil\u001b[2J\nname\u202e.txt' }]);
    expect(out).toBe('evil\\u{1b}[2J\\u{a}name\\u{202e}.txt:2:8  secret.stripe  sk_l…\n');
  });
});

describe('reportJson', () => {
  it('carries location, preview and fingerprint; commit fields only for history hits', () => {
    const [file, git] = JSON.parse(reportJson([FILE_ITEM, GIT_ITEM])) as Record<string, unknown>[];
    expect(Object.keys(file!).sort()).toEqual(['column', 'detector', 'end', 'end_column', 'end_line', 'fingerprint', 'line', 'path', 'preview', 'reason', 'score', 'start'].sort());
    expect(git).toMatchObject({ commit: 'a'.repeat(40), date: '2024-05-01T10:00:00+02:00', blob: 'b'.repeat(40) });
    expect(reportJson([FILE_ITEM, GIT_ITEM])).not.toContain(SECRET);
    expect(reportJson([])).toBe('[]\n');
  });
});

describe('printable and summaryLine', () => {
  it('leaves ordinary text alone', () => {
    expect(printable('src/ü 😀 file.txt')).toBe('src/ü 😀 file.txt');
  });

  it.each([
    [{ found: 0, baselined: 0, scanned: '3 files', skipped: [] }, 'bulwark: no secrets found in 3 files\n'],
    [{ found: 1, baselined: 2, scanned: '3 files', skipped: ['1 binary skipped'] }, 'bulwark: 1 secret found in 3 files (2 in the baseline, 1 binary skipped)\n'],
    [{ found: 2, baselined: 0, scanned: '9 blobs of 4 commits', skipped: [] }, 'bulwark: 2 secrets found in 9 blobs of 4 commits\n'],
  ])('summarises %j', (parts, line) => {
    expect(summaryLine(parts)).toBe(line);
  });
});
