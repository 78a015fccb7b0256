import { Command } from 'commander';
import type { ApiKeyInfo, KeyAdmin } from '../app/index.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseDuration } from './parse-duration.js';

interface CommonFlags {
  readonly config?: string;
  readonly json?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(',').map((s) => s.trim()).filter(Boolean)];

/** Opens the store and pepper the gateway uses with the same configuration. */
async function openAdmin(io: CliIo, flags: CommonFlags): Promise<KeyAdmin> {
  const [{ loadConfig }, { openKeyAdmin }] = await Promise.all([import('../config/index.js'), import('../app/index.js')]);
  const config = loadConfig(flags.config === undefined ? { env: io.env } : { env: io.env, file: flags.config });
  return openKeyAdmin(config);
}

async function withAdmin(io: CliIo, flags: CommonFlags, run: (admin: KeyAdmin) => Promise<void>): Promise<void> {
  const admin = await openAdmin(io, flags);
  try {
    await run(admin);
  } finally {
    await admin.close();
  }
}

function keyJson(k: ApiKeyInfo): Record<string, unknown> {
  const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
  return { id: k.id, name: k.name, scopes: k.scopes, models: k.models, status: k.status, created_at: iso(k.createdAt), expires_at: iso(k.expiresAt), revoked_at: iso(k.revokedAt), replaced_by: k.replacedBy };
}

function keyLine(k: ApiKeyInfo): string {
  const expires = k.expiresAt === null ? 'never' : k.expiresAt.toISOString();
  return `${k.id}  ${k.status.padEnd(7)}  ${k.scopes.join(',').padEnd(22)}  models=${k.models?.join(',') ?? 'any'}  expires=${expires}  ${k.name}`;
}

function printIssued(io: CliIo, flags: CommonFlags, key: string, info: ApiKeyInfo, extra: Record<string, unknown> = {}): void {
  if (flags.json) {
    io.stdout.write(`${JSON.stringify({ ...keyJson(info), ...extra, key }, null, 2)}\n`);
    return;
  }
  io.stdout.write(`${key}\n`);
  io.stderr.write(`Created key ${info.id} (${info.scopes.join(', ')}). This is the only time the key is shown: store it now.\n`);
}

function withCommon(command: Command): Command {
  return command.option('--config <file>', 'YAML configuration file (default: $BULWARK_CONFIG)').option('--json', 'print JSON');
}

/**
 * `bulwark keys create|list|revoke|rotate`: manages the gateway's API keys in the store the
 * gateway uses (same configuration: data directory or BULWARK_DATABASE_URL, and the pepper).
 * A key's secret is printed once, by create and rotate; list never shows one.
 */
export function keysCommand(io: CliIo, setExitCode: (code: number) => void): Command {
  const keys = new Command('keys').description('create, list, revoke and rotate gateway API keys');

  const create = withCommon(new Command('create'))
    .description('issue a key and print it once')
    .requiredOption('--scope <scope>', 'chat, embeddings or admin (repeat or comma-separate)', collect)
    .option('--name <name>', 'a label for people', 'key')
    .option('--model <model>', 'allow only these models (repeat or comma-separate; default: any)', collect)
    .option('--expires-in <duration>', 'expire after e.g. 90d, 12h (default: never)')
    .action(async (flags: CommonFlags & { scope: string[]; name: string; model?: string[]; expiresIn?: string }) => {
      const seconds = flags.expiresIn === undefined ? undefined : parseDuration(flags.expiresIn, '--expires-in');
      await withAdmin(io, flags, async ({ keys: service }) => {
        const issued = await service.create({
          name: flags.name,
          scopes: flags.scope,
          models: flags.model ?? null,
          expiresAt: seconds === undefined ? null : new Date(Date.now() + seconds * 1000),
        });
        printIssued(io, flags, issued.key, issued.info);
      });
      setExitCode(EXIT.OK);
    });

  const list = withCommon(new Command('list'))
    .description('list keys (ids, scopes, state; never secrets)')
    .action(async (flags: CommonFlags) => {
      await withAdmin(io, flags, async ({ keys: service }) => {
        const all = await service.list();
        io.stdout.write(flags.json ? `${JSON.stringify(all.map(keyJson), null, 2)}\n` : all.map((k) => `${keyLine(k)}\n`).join(''));
      });
      setExitCode(EXIT.OK);
    });

  const revoke = withCommon(new Command('revoke'))
    .description('revoke a key now')
    .argument('<id>', 'key id (the part after bwk_)')
    .action(async (id: string, flags: CommonFlags) => {
      await withAdmin(io, flags, async ({ keys: service }) => {
        const info = await service.revoke(id);
        io.stdout.write(flags.json ? `${JSON.stringify(keyJson(info), null, 2)}\n` : `Revoked ${info.id}.\n`);
      });
      setExitCode(EXIT.OK);
    });

  const rotate = withCommon(new Command('rotate'))
    .description('issue a replacement; the old key keeps working during the grace period')
    .argument('<id>', 'key id (the part after bwk_)')
    .option('--grace <duration>', 'how long the old key keeps working, e.g. 24h, 0s', '24h')
    .action(async (id: string, flags: CommonFlags & { grace: string }) => {
      const grace = parseDuration(flags.grace, '--grace');
      await withAdmin(io, flags, async ({ keys: service }) => {
        const issued = await service.rotate(id, grace);
        printIssued(io, flags, issued.key, issued.info, { replaces: id });
      });
      setExitCode(EXIT.OK);
    });

  for (const sub of [create, list, revoke, rotate]) keys.addCommand(sub);
  // The program configures `keys` (exit override, error format) after this returns; pass that on.
  keys.hook('preSubcommand', (parent, sub) => {
    sub.copyInheritedSettings(parent);
  });
  return keys;
}
