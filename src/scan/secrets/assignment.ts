/** The value of `name = value`, `"name": "value"`, `name: value`, `--name=value`, `<name>value</name>`. */
export interface AssignedValue {
  readonly start: number;
  readonly end: number;
  /** The quote that delimited the value, or `''` when it was bare. */
  readonly quote: string;
}

/** Assignment operators of config formats, shells and languages, longest first. */
const SEPARATORS = ['::=', '===', '||=', ':=', '=>', '?=', '==', '=', ':'];

/** Authorization schemes skipped before a header's credential (`Bearer <token>`). */
const SCHEME = /^(?:Bearer|Basic|Token|Bot|OAuth|SSWS|Api-?Token|ApiKey|GenieKey|Splunk|Key)[ \t]+/i;

function isQuote(c: string | undefined): boolean {
  return c === '"' || c === "'" || c === '`';
}

/** Where a bare value stops: white space, quotes, separators of lists, markup and code. */
const BARE_STOP = new Set([' ', '\t', '\n', '\r', '"', "'", '`', ',', ';', '<', '>', ')', ']', '}', '&', '\\']);

/**
 * Parses the assignment after an identifier ending at `nameEnd` (starting at `nameStart`), or
 * `undefined` when none follows. Allows closing quotes and brackets after the name (`"key":`,
 * `env["KEY"] =`), white space around the operator, and, with `schemes`, an authorization scheme
 * before the value. The value may be quoted (also with `\"` as in JSON-escaped text) or bare;
 * it never spans lines.
 */
export function parseAssignment(
  text: string,
  nameStart: number,
  nameEnd: number,
  options: { readonly schemes?: boolean } = {},
): AssignedValue | undefined {
  let i = nameEnd;
  // `<password>value</password>`
  if (text[nameStart - 1] === '<' && text[i] === '>') return bareUntil(text, i + 1, '<');
  for (let n = 0; n < 3 && (isQuote(text[i]) || text[i] === ']' || text[i] === '\\'); n++) i++;
  while (text[i] === ' ' || text[i] === '\t') i++;
  const sep = SEPARATORS.find((s) => text.startsWith(s, i));
  if (sep === undefined) {
    // `--password value` on a command line.
    if (text.startsWith('--', nameStart - 2) && (text[nameEnd] === ' ') && i > nameEnd) return valueAt(text, i, options);
    return undefined;
  }
  i += sep.length;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return valueAt(text, i, options);
}

function valueAt(text: string, from: number, options: { readonly schemes?: boolean }): AssignedValue | undefined {
  let i = from;
  let quote = '';
  if (text[i] === '\\' && isQuote(text[i + 1])) {
    quote = `\\${text[i + 1]}`;
    i += 2;
  } else if (isQuote(text[i])) {
    quote = text[i]!;
    i += 1;
  }
  if (options.schemes) {
    const scheme = SCHEME.exec(text.slice(i, i + 24));
    if (scheme) i += scheme[0].length;
  }
  if (quote === '') return bareUntil(text, i, undefined);
  const close = text.indexOf(quote, i);
  const newline = text.indexOf('\n', i);
  if (close < 0 || (newline >= 0 && newline < close) || close - i > 4096) return undefined;
  return { start: i, end: close, quote };
}

function bareUntil(text: string, from: number, stop: string | undefined): AssignedValue | undefined {
  let end = from;
  while (end < text.length && end - from < 4096) {
    const c = text[end]!;
    if (c === stop || (stop === undefined ? BARE_STOP.has(c) : c === '\n')) break;
    end++;
  }
  return end > from ? { start: from, end, quote: '' } : undefined;
}
