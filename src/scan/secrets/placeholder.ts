/**
 * Placeholder tests: the values people write where a secret would go (`xxxx`, `${TOKEN}`,
 * `<your-key>`, `changeme`). Reporting them would bury real findings in documentation noise.
 */

/** Masking runs: five or more x/X, or three or more `*`, `#`, `•`, or an ellipsis. */
const MASK = /[xX]{5,}|[*#•]{3,}|\.{3}|…/;

/** True when `s` contains a masking run (`xxxxx`, `***`, `...`). */
export function looksMasked(s: string): boolean {
  return MASK.test(s);
}

/** Template and variable syntax of shells, CI systems, template engines and format strings. */
const TEMPLATE_INSIDE = /\$\{|\$\(|\{\{|\}\}|<%|%>|#\{|%\(\w+\)s|%[sd](?![A-Za-z0-9])/;
/** A whole value that names a variable instead of holding one. */
const VARIABLE_WHOLE = [
  /^\$[A-Za-z_][\w.]*$/, // $VAR, $env.X
  /^%[A-Za-z_]\w*%$/, // %VAR% (Windows)
  /^@[A-Za-z_]\w*@$/, // @VAR@ (autoconf)
  /^__[A-Z0-9_]+__$/, // __VAR__
  /^<[^<>]*>$/, // <your key>
  /^\{[A-Za-z_][A-Za-z_.\s-]*\}?$/, // {password}, {SumoAccessKey} (a bare value may lose the brace)
  /^\[[A-Za-z_][A-Za-z_.\s-]*\]?$/, // [PASSWORD]
  /^\$?\{?env[.:(]/i, // env.X, env(X)
];

/** True when `s` is, or contains, variable or template syntax rather than a literal value. */
export function looksTemplated(s: string): boolean {
  return TEMPLATE_INSIDE.test(s) || VARIABLE_WHOLE.some((re) => re.test(s));
}

/** Words that mark a value as an example wherever they occur in it. */
const MARKER_WORDS = [
  'your',
  'changeme',
  'change_me',
  'change-me',
  'example',
  'placeholder',
  'redacted',
  'replace',
  'insert',
  'dummy',
  'fake',
  'sample',
  'notreal',
  'not_real',
  'not-a-real',
  'todo',
  'xxxx',
];

/** `…_here`, `key-here`, `here`: "put the key here". */
const HERE = /(?:^|[^a-z])here(?:$|[^a-z])/;

/** Stand-ins that name the credential's slot (`password`, `secret`, `token`): a label, never a value. */
const SLOT_NAMES = new Set([
  'password', 'passwd', 'passphrase', 'secret', 'token', 'key', 'apikey', 'api_key', 'accesskey', 'secretkey',
  'privatekey', 'authtoken', 'accesstoken', 'credential', 'credentials',
]);

/** Words that stand for "no value" (type names, literals of code, form hints). */
const NON_VALUES = [
  'none', 'null', 'nil', 'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'value', 'string', 'empty',
  'required', 'optional', 'unknown', 'invalid', 'blank',
];

/** Values that are a stand-in when they are the whole value (after dropping `my`/`the`/`some`). */
const STAND_INS = new Set([
  ...SLOT_NAMES,
  ...NON_VALUES,
  'pass', 'pwd',
  'test', 'testing', 'tester', 'foo', 'bar', 'baz', 'qux', 'foobar', 'hello', 'helloworld', 'admin', 'root',
  'user', 'username', 'login', 'default', 'demo', 'guest', 'abc', 'abc123', 'abcd', 'qwerty', 'letmein',
  'welcome', 'secure', 'private', 'public', 'supersecret', 'topsecret', 's3cr3t', 'p4ssw0rd', 'dev', 'prod',
  'staging', 'local',
]);

/** The stand-ins of a `user:password` pair: slot names and non-values only. */
const PAIR_STAND_INS = new Set([...SLOT_NAMES, ...NON_VALUES]);

/** `value` lower-cased without punctuation and a leading `my`/`the`/`some` (`myPassword` → `password`). */
function bareWord(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9_]/g, '').replace(/^(?:my|the|some)_?/, '');
}

function inSet(set: ReadonlySet<string>, bare: string): boolean {
  return set.has(bare) || set.has(bare.replace(/_/g, ''));
}

/** Template, mask or marker word: the parts of {@link looksLikePlaceholder} that do not depend on the word list. */
function looksMarked(value: string): boolean {
  if (looksTemplated(value) || looksMasked(value)) return true;
  const lower = value.toLowerCase();
  return MARKER_WORDS.some((w) => lower.includes(w)) || HERE.test(lower);
}

/**
 * True when `value` is an example rather than a credential: template syntax, a mask, a marker
 * word (`your_…`, `…_here`, `example`), a stand-in (`password`, `changeme`), one repeated
 * character, or a run of one digit.
 */
export function looksLikePlaceholder(value: string): boolean {
  if (looksMarked(value)) return true;
  // `myPassword`, `the_token`: a stand-in with a prefix. (`password1` is a real, if weak, password.)
  if (inSet(STAND_INS, bareWord(value))) return true;
  return /^(.)\1*$/.test(value);
}

/**
 * True when a key or token is a stand-in followed by digits (`apikey123`, `myToken2`): nobody
 * issues such a key, while `password1` may well be someone's password.
 */
export function looksLikeNumberedStandIn(value: string): boolean {
  const bare = bareWord(value);
  const stem = bare.replace(/_?\d+$/, '');
  return stem !== bare && stem.length > 0 && inSet(STAND_INS, stem);
}

/**
 * The placeholder test for the password of a `user:password` pair (URL user info, `curl -u`,
 * Docker auths): like {@link looksLikePlaceholder}, but only the words that name the slot
 * (`password`, `secret`, `token`) or no value (`null`, `undefined`) count as stand-ins. Weak
 * words people really use in development URLs (`postgres://user:pass@localhost`, `admin:root`)
 * are literal passwords there, and the secret scanners that test URL credentials report them.
 */
export function looksLikePairPlaceholder(value: string): boolean {
  if (looksMarked(value) || inSet(PAIR_STAND_INS, bareWord(value))) return true;
  return /^(.)\1*$/.test(value);
}
