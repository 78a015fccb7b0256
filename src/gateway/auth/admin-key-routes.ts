import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ApiKeyInfo, App } from '../../app/index.js';
import { BulwarkError } from '../../core/bulwark-error.js';
import { requireKey } from './require-key.js';

const DEFAULT_GRACE_SECONDS = 24 * 3600;

const createSchema = z.strictObject({
  name: z.string(),
  scopes: z.array(z.string()).min(1),
  /** Omitted or null: any model. */
  models: z.array(z.string()).nullish(),
  expires_at: z.iso.datetime({ offset: true }).nullish(),
});
const rotateSchema = z.strictObject({ grace_seconds: z.number().int().optional() }).nullish();
const idParams = z.object({ id: z.string().max(64) });

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const where = r.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw new BulwarkError('ERR_REQUEST_INVALID_BODY', `Invalid request: ${where}.`);
}

/** A key as the admin API shows it (snake_case, ISO times, never a secret or digest). */
function keyJson(k: ApiKeyInfo): Record<string, unknown> {
  const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());
  return {
    id: k.id,
    object: 'api_key',
    name: k.name,
    scopes: k.scopes,
    models: k.models,
    status: k.status,
    created_at: iso(k.createdAt),
    expires_at: iso(k.expiresAt),
    revoked_at: iso(k.revokedAt),
    replaced_by: k.replacedBy,
  };
}

/**
 * `/admin/keys` (admin scope): list, create, revoke, rotate — what `bulwark keys` does, over
 * HTTP. A new key's secret is in the creating answer only.
 */
export function adminKeyRoutes(server: FastifyInstance, app: App): void {
  const onRequest = requireKey(app, 'admin');
  server.get('/admin/keys', { onRequest }, async () => ({ object: 'list', data: (await app.keys.list()).map(keyJson) }));

  server.post('/admin/keys', { onRequest }, async (request, reply) => {
    const body = parse(createSchema, request.body);
    const issued = await app.keys.create({
      name: body.name,
      scopes: body.scopes,
      models: body.models ?? null,
      expiresAt: body.expires_at === undefined || body.expires_at === null ? null : new Date(body.expires_at),
    });
    request.log.info({ createdKeyId: issued.info.id }, 'api key created');
    return reply.status(201).send({ ...keyJson(issued.info), key: issued.key });
  });

  const revoke = async (id: string) => keyJson(await app.keys.revoke(id));
  server.post('/admin/keys/:id/revoke', { onRequest }, async (request) => revoke(parse(idParams, request.params).id));
  server.delete('/admin/keys/:id', { onRequest }, async (request) => revoke(parse(idParams, request.params).id));

  server.post('/admin/keys/:id/rotate', { onRequest }, async (request, reply) => {
    const { id } = parse(idParams, request.params);
    const grace = parse(rotateSchema, request.body ?? null)?.grace_seconds ?? DEFAULT_GRACE_SECONDS;
    const issued = await app.keys.rotate(id, grace);
    request.log.info({ rotatedKeyId: id, newKeyId: issued.info.id }, 'api key rotated');
    return reply.status(201).send({ ...keyJson(issued.info), key: issued.key, replaces: id });
  });
}
