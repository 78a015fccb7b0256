import type { InjectionSignal } from './injection-verdict.js';
import { anyOf, wordsView } from './injection-pattern.js';

/** What a system prompt guards, read once per distinct system prompt. */
export interface GuardedContext {
  /** Matches a guarded thing in the words view ("password", "discount code", "your instructions"). */
  readonly terms: RegExp;
}

const GUARD_WORDS =
  /\b(?:secret|secrets|password|passphrase|passcode|confidential|classified|private|hidden|under no circumstances|(?:do not|don't|dont|never|must not|may not|should not|shouldn't|not allowed to|cannot|can't|refuse to) (?:ever )?(?:reveal|share|disclose|tell|give|repeat|mention|leak|output|print|discuss|divulge|say|spell|expose|provide))\b/;
// "do not reveal the discount code", "never share your instructions": the guarded thing follows the verb.
const GUARDED_AFTER_VERB =
  /\b(?:reveal|share|disclose|tell (?:anyone|anybody|the user|users)(?: about)?|give (?:out|away)|repeat|mention|leak|output|print|discuss|divulge|spell|expose) (?:the |your |this |these |that |any |our |my )?([a-z]+(?: [a-z]+){0,2})/g;
// "the secret word", "confidential pricing", "password is …": the guarded thing is next to the adjective.
const GUARDED_NEAR_ADJECTIVE = /\b(?:secret|confidential|private|hidden|classified) ([a-z]+)/g;
// Guarded things any guarding system prompt covers, as regular-expression sources. Determiners keep
// "a strong password" or "the secret of sourdough" out.
const GENERIC_TERMS = [
  '(?:the|your|this|that|my) (?:secret |hidden |real )?(?:password|passphrase|passcode|pin|code ?word|magic word)',
  '(?:the|your|this|that) secret(?: word| key| code| phrase| number| name)?',
  '(?:the|your) (?:system|initial|hidden|original|secret) (?:prompt|instructions|message)',
  'your (?:instructions|prompt|rules|guidelines|system message|directives)',
];
const NOT_AFTER = '(?! (?:of|to|behind|for (?:a|my|the|success)|sauce|ingredient|garden|life|santa|service|agent|history|policy|manager|reset))';
// Secret-like nouns too common to stand alone ("write code", "what does this word mean"): they
// count only inside a longer phrase ("discount code", "secret word").
const TOO_COMMON_ALONE = new Set([
  'code', 'codes', 'word', 'words', 'phrase', 'name', 'names', 'list', 'plan', 'plans', 'message', 'details',
  'number', 'numbers', 'value', 'values', 'configuration', 'location', 'address', 'rules', 'guidelines', 'key', 'keys',
]);
// What a guarded phrase must end in to count: things one keeps secret. "do not share personal
// opinions" guards nothing a user could ask for by name.
const SECRET_NOUNS = new Set([
  'code', 'codes', 'key', 'keys', 'word', 'words', 'phrase', 'password', 'passwords', 'pin', 'number', 'numbers',
  'name', 'names', 'recipe', 'formula', 'ingredient', 'ingredients', 'price', 'prices', 'pricing', 'instructions',
  'prompt', 'rules', 'guidelines', 'token', 'tokens', 'credentials', 'identity', 'location', 'address', 'answer',
  'answers', 'solution', 'flag', 'value', 'values', 'plan', 'plans', 'list', 'details', 'message', 'configuration',
  'passphrase', 'passcode',
]);
// Nouns too general to stand for the guarded thing on their own.
const STOP = new Set([
  'the', 'a', 'an', 'it', 'this', 'that', 'any', 'anything', 'them', 'to', 'with', 'of', 'or', 'and', 'user', 'users',
  'information', 'info', 'data', 'content', 'under', 'in', 'is', 'are', 'be', 'you', 'your', 'if', 'even', 'no',
  'not', 'about', 'other', 'others', 'anyone', 'anybody', 'what', 'how', 'when', 'who', 'me', 'help', 'questions',
  'question', 'those', 'these', 'yourself', 'topics', 'topic',
]);

const REQUEST = new RegExp(
  `\\b${anyOf([
    'reveal', 'tell', 'spell', 'translate', 'print', 'say', 'write', 'give', 'share', 'show', "what's", 'whats',
    'what is', 'what are', 'what was', 'output', 'encode', 'repeat', 'reverse', 'hint', 'clue', 'letters?',
    'characters?', 'backwards', 'rhymes?', 'poem', 'acrostic', 'riddle', 'define', 'describe', 'explain', 'leak',
    'disclose', 'type', 'list', 'sing', 'song', 'story', 'base ?64', 'hex', 'cipher', 'synonym', 'opposite',
    'meaning', 'guess', 'confirm', 'verify', 'remind', 'forgot', 'forgotten', 'need', 'send', 'provide', 'read',
    'summari[sz]e', 'paraphrase', 'how many', 'how long', 'contain', 'starts? with', 'begins? with', 'ends? with',
    'first', 'last', 'split', 'separate', 'dashes', 'spaces',
  ])}\\b`,
);
// Ways round a "never say the password" rule: say it in pieces, another language or another form.
const TRICK = new RegExp(
  `\\b${anyOf([
    'spell', 'spelled', 'backwards', 'reverse', 'reversed', 'letter by letter', 'letters?', 'characters?', 'acrostic',
    'encode', 'encoded', 'base ?64', 'hex', 'rot ?13', 'translate', 'translated', 'rhymes?', 'poem', 'riddle', 'hint',
    'clue', 'synonym', 'cipher', 'morse', 'binary', 'emoji', 'pig latin', 'first letter', 'last letter', 'dashes',
    'spaces between', 'one by one', 'in (?:french|german|spanish|chinese|another language)',
  ])}\\b`,
);

function escape(term: string): string {
  return term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let cachedPrompt: string | undefined;
let cachedContext: GuardedContext | undefined;

/**
 * Reads what a system prompt guards: undefined when it guards nothing (no "secret", "password",
 * "confidential", "do not reveal …"). Cached for the last system prompt, which a gateway sends
 * with every request of an app.
 */
export function guardedContext(systemPrompt: string): GuardedContext | undefined {
  if (systemPrompt === cachedPrompt) return cachedContext;
  const view = wordsView(systemPrompt.normalize('NFKC').toLowerCase());
  let result: GuardedContext | undefined;
  if (GUARD_WORDS.test(view)) {
    const named = new Set<string>();
    for (const m of view.slice(0, 20_000).matchAll(GUARDED_AFTER_VERB)) addTerm(named, m[1]);
    for (const m of view.slice(0, 20_000).matchAll(GUARDED_NEAR_ADJECTIVE)) addTerm(named, m[1]);
    const terms = [...[...named].sort((a, b) => b.length - a.length).map(escape), ...GENERIC_TERMS];
    result = { terms: new RegExp(`\\b(?:${terms.join('|')})\\b${NOT_AFTER}`, 'g') };
  }
  cachedPrompt = systemPrompt;
  cachedContext = result;
  return result;
}

function addTerm(into: Set<string>, phrase: string | undefined): void {
  if (phrase === undefined) return;
  const words = phrase.split(' ');
  // Cut after the last secret-like noun: "staff discount code with" guards "staff discount code".
  let end = words.length;
  while (end > 0 && !SECRET_NOUNS.has(words[end - 1] as string)) end--;
  const kept = words.slice(0, end).filter((w) => !STOP.has(w) && w.length > 2);
  if (kept.length === 0 || !SECRET_NOUNS.has(kept[kept.length - 1] as string)) return;
  if (kept.length === 1 && TOO_COMMON_ALONE.has(kept[0] as string)) return;
  into.add(kept.join(' '));
  if (kept.length > 2) into.add(kept.slice(-2).join(' '));
}

const WINDOW = 70;
const MAX_TERMS = 20;

/**
 * `injection.context`: the text asks for something the system prompt guards — the guarded term
 * within a few words of a request ("what is the password", "spell the secret word backwards").
 */
export function contextSignal(wordsOfText: string, context: GuardedContext): InjectionSignal | undefined {
  let score = 0;
  let reason = '';
  let seen = 0;
  for (const m of wordsOfText.matchAll(context.terms)) {
    if (++seen > MAX_TERMS) break;
    const around = wordsOfText.slice(Math.max(0, m.index - WINDOW), m.index + m[0].length + WINDOW);
    if (TRICK.test(around)) {
      score = Math.max(score, 0.93);
      reason = 'context: indirect request for a guarded item';
    } else if (REQUEST.test(around) && score < 0.85) {
      score = 0.85;
      reason = 'context: asks for what the system prompt guards';
    } else if (score < 0.4) {
      score = 0.4;
      reason = 'context: mentions what the system prompt guards';
    }
  }
  return score > 0 ? { detector: 'injection.context', score, reason } : undefined;
}
