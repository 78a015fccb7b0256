import { describe, expect, it } from 'vitest';
import { defaultDetectors } from '../default-detectors.js';
import { createScanner } from '../scanner.js';
import { base62, crc32 } from './github-checksum.js';
import { MASKED_SCORE, patternRule } from './pattern-rule.js';
import { createSecretScanner, scanSecrets } from './scan-secrets.js';
import { createSecretDetector, secretDetectors, secretRuleDetector } from './secret-detectors.js';
import { secretRules } from './secret-rules.js';

// Built at run time so no checksum-valid token sits in the source.
const body = 'k3Jq9ZfVb2XwLr7TnP4yHs8cMd1GaE';
const validGithub = `ghp_${body}${base62(crc32(body), 6)}`;
const invalidGithub = `ghp_${body}AAAAAA`;
const openai = `sk-proj-${'Ab3dE5gH7jK9mN1pQ3sT5vW7yZ'.repeat(3)}T3BlbkFJ${'Zy8xW6vU4tS2rQ0pO8nM6lK4jI'.repeat(3)}`;

describe('secret detectors', () => {
  it('reports a secret with its span, type, per-format detector id and a reason without the value', () => {
    const text = `Deploy with token ${validGithub}, thanks.`;
    const [f, ...rest] = scanSecrets(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ type: 'SECRET', detector: 'secret.github_pat', score: 1 });
    expect(text.slice(f!.start, f!.end)).toBe(validGithub);
    expect(f!.reason).toContain('checksum valid');
    expect(f!.reason).not.toContain(body);
  });

  it('scores a token whose checksum fails lower, so a threshold can drop it', () => {
    const [f] = scanSecrets(invalidGithub);
    expect(f).toMatchObject({ detector: 'secret.github_pat', score: 0.7 });
    expect(createSecretScanner({ threshold: 0.8 }).scan(invalidGithub)).toEqual([]);
    expect(createSecretScanner({ threshold: 0.8 }).scan(validGithub)).toHaveLength(1);
  });

  it('reports masked values only in the formats that choose to, below a 0.65 threshold', () => {
    const masked = 'X-JFrog-Art-Api: AKCxxxxxxxxxx';
    const [f, ...rest] = scanSecrets(masked);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ detector: 'secret.artifactory_api_key', score: MASKED_SCORE });
    expect(f!.reason).toContain('masked');
    expect(createSecretScanner({ threshold: 0.65 }).scan(masked)).toEqual([]);
    for (const text of [`token: ghp_${'x'.repeat(36)}`, `AKIA${'X'.repeat(16)}`, `SK${'x'.repeat(31)}`, 'AKC${ARTIFACTORY_KEY}']) {
      expect(scanSecrets(text), text).toEqual([]);
    }
  });

  it('keeps the most specific rule when several cover the same value', () => {
    const text = `curl -H "Authorization: Bearer ${openai}" https://api.openai.com/v1/models`;
    const found = scanSecrets(text);
    expect(found.map((f) => f.detector)).toEqual(['secret.openai_project_key']);
  });

  it('reports several secrets of one text in order', () => {
    const text = `DATABASE_URL=postgres://app:Xk29pqLm@db/x\nGITHUB_TOKEN=${validGithub}\n`;
    const found = scanSecrets(text);
    expect(found.map((f) => [f.detector, text.slice(f.start, f.end)])).toEqual([
      ['secret.database_url', 'Xk29pqLm'],
      ['secret.github_pat', validGithub],
    ]);
  });

  it.each([
    ['empty', ''],
    ['prose', 'Please summarise the key points of this password policy and the token economy.'],
    ['keywords without secrets', 'key token pass secret sk_live_ ghp_ AKIA eyJ -----BEGIN PRIVATE KEY----- :// xoxb- hvs. glpat- | . s.'],
    ['a long run', 'a'.repeat(200_000)],
    ['many separators', '=:'.repeat(50_000)],
    ['unicode', '密码 = 🙂🙂🙂 clé: 日本語テキスト'],
  ])('reports nothing in %s', (_name, text) => {
    expect(scanSecrets(text)).toEqual([]);
  });

  it('keeps UTF-16 offsets after characters whose lower case is longer', () => {
    const text = 'İİİ 🙂 password = "Xy7#kq9!Lm"';
    const [f] = scanSecrets(text);
    expect(text.slice(f!.start, f!.end)).toBe('Xy7#kq9!Lm');
  });

  it('is one detector, outside the PII defaults, usable beside them', () => {
    expect(secretDetectors).toHaveLength(1);
    expect(secretDetectors[0]!.entities).toEqual(['SECRET']);
    expect(defaultDetectors.some((d) => d.entities.includes('SECRET'))).toBe(false);
    const scanner = createScanner({ detectors: [...defaultDetectors, ...secretDetectors] });
    const types = scanner.scan(`Mail jane@example.com the key ${validGithub}`).map((f) => f.type);
    expect(types).toEqual(['EMAIL_ADDRESS', 'SECRET']);
  });

  it('gives per-rule detectors the same findings as the combined detector', () => {
    const text = `x ${validGithub} y AKIAQYLPMN5HFIQR7XBV z password: Summer2024!`;
    const combined = createSecretDetector().detect(text, { regions: [] });
    const single = secretRules.map(secretRuleDetector);
    const ctx = { regions: [], shared: new Map<string, unknown>() };
    const separate = single.flatMap((d) => d.detect(text, ctx));
    expect(separate).toEqual(combined);
    expect(single.find((d) => d.id === 'secret.github_pat')!.detect(text, { regions: [] })).toHaveLength(1);
  });

  it('runs a custom rule table, with its own keywords', () => {
    const rule = patternRule({ id: 'acme_key', description: 'ACME key', keywords: ['acme_'], pattern: /acme_[a-z0-9]{20}/ });
    const detector = createSecretDetector([rule]);
    const text = `use acme_${'k7'.repeat(10)} and ${validGithub}`;
    expect(detector.detect(text, { regions: [] }).map((f) => f.detector)).toEqual(['secret.acme_key']);
    expect(secretRuleDetector(rule).detect(text, { regions: [], shared: new Map() }).map((f) => f.detector)).toEqual(['secret.acme_key']);
  });
});
