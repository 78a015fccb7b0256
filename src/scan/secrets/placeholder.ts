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

/** Values that are a stand-in when they are the whole value (after dropping `my`/`the`/`some`). */
const STAND_INS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'passphrase', 'secret', 'token', 'key', 'apikey', 'api_key',
  'accesskey', 'secretkey', 'privatekey', 'authtoken', 'accesstoken', 'credential', 'credentials',
  'test', 'testing', 'tester', 'foo', 'bar', 'baz', 'qux', 'foobar', 'hello', 'helloworld', 'none', 'null', 'nil',
  'undefined', 'true', 'false', 'yes', 'no', 'on', 'off', 'admin', 'root', 'user', 'username', 'login',
  'default', 'demo', 'guest', 'value', 'string', 'empty', 'required', 'optional', 'abc', 'abc123',
  'abcd', 'qwerty', 'letmein', 'welcome', 'secure', 'private', 'public', 'unknown', 'invalid', 'blank',
  'supersecret', 'topsecret', 's3cr3t', 'p4ssw0rd', 'dev', 'prod', 'staging', 'local',
]);

/**
 * True when `value` is an example rather than a credential: template syntax, a mask, a marker
 * word (`your_…`, `…_here`, `example`), a stand-in (`password`, `changeme`), one repeated
 * character, or a run of one digit.
 */
export function looksLikePlaceholder(value: string): boolean {
  if (looksTemplated(value) || looksMasked(value)) return true;
  const lower = value.toLowerCase();
  if (MARKER_WORDS.some((w) => lower.includes(w)) || HERE.test(lower)) return true;
  // `myPassword`, `the_token`: a stand-in with a prefix. (`password1` is a real, if weak, password.)
  const bare = lower.replace(/[^a-z0-9_]/g, '').replace(/^(?:my|the|some)_?/, '');
  if (STAND_INS.has(bare) || STAND_INS.has(bare.replace(/_/g, ''))) return true;
  return /^(.)\1*$/.test(value);
}
