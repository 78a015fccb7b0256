import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { BulwarkError } from '../core/bulwark-error.js';
import { deepFreeze } from './deep-freeze.js';
import { ENV_VARS } from './env-vars.js';
import { gatewayConfigSchema, type GatewayConfig } from './gateway-config.js';

/** Where {@link loadConfig} reads from. */
export interface ConfigSources {
  /** The environment (pass `process.env`); empty values count as unset. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** A YAML file; default: the `BULWARK_CONFIG` variable, else none. */
  readonly file?: string;
}

type Raw = Record<string, unknown>;

function invalid(message: string, cause?: unknown): BulwarkError {
  return new BulwarkError('ERR_CONFIG_INVALID', message, cause === undefined ? undefined : { cause });
}

function readFile(path: string): Raw {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw invalid(`Cannot read the config file ${path}.`, err);
  }
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw invalid(`The config file ${path} is not valid YAML.`, err);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc)) throw invalid(`The config file ${path} must hold a mapping.`);
  const upstream = (doc as Raw)['upstream'];
  if (typeof upstream === 'object' && upstream !== null && Object.hasOwn(upstream, 'apiKey')) {
    throw invalid('upstream.apiKey is not allowed in the config file: put the key in the environment (upstream.apiKeyEnv).');
  }
  const auth = (doc as Raw)['auth'];
  if (typeof auth === 'object' && auth !== null && Object.hasOwn(auth, 'pepper')) {
    throw invalid('auth.pepper is not allowed in the config file: set BULWARK_KEY_PEPPER in the environment.');
  }
  return doc as Raw;
}

function section(raw: Raw, key: string): Raw {
  const existing = raw[key];
  if (typeof existing === 'object' && existing !== null && !Array.isArray(existing)) {
    const copy = { ...(existing as Raw) };
    raw[key] = copy;
    return copy;
  }
  // Not an object: leave the wrong value for the schema to report, write env values nowhere.
  if (existing !== undefined) return {};
  const created: Raw = {};
  raw[key] = created;
  return created;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}

/**
 * Builds the gateway configuration once: defaults, then the YAML file, then the environment
 * (see `ENV_VARS`). Unknown keys and bad values throw `ERR_CONFIG_INVALID` naming the setting,
 * never its value. The result is deeply frozen.
 */
export function loadConfig(sources: ConfigSources = {}): GatewayConfig {
  const env = sources.env ?? {};
  const get = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };
  const file = sources.file ?? get('BULWARK_CONFIG');
  const raw: Raw = file === undefined ? {} : { ...readFile(file) };
  for (const v of ENV_VARS) {
    const value = get(v.name);
    if (v.path === undefined || value === undefined) continue;
    const list = value.toLowerCase() === 'none' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean);
    section(raw, v.path[0])[v.path[1]] = v.list ? list : value;
  }
  const upstream = section(raw, 'upstream');
  const keyEnv = typeof upstream['apiKeyEnv'] === 'string' ? upstream['apiKeyEnv'] : 'BULWARK_UPSTREAM_API_KEY';
  // Anthropic's own variable is the conventional place for its key; the configured one wins.
  const apiKey = get(keyEnv) ?? (upstream['kind'] === 'anthropic' ? get('ANTHROPIC_API_KEY') : undefined);
  if (apiKey !== undefined) upstream['apiKey'] = apiKey;

  const parsed = gatewayConfigSchema.safeParse(raw);
  if (!parsed.success) throw invalid(`Invalid configuration: ${describe(parsed.error)}.`);
  return deepFreeze(parsed.data) as GatewayConfig;
}
