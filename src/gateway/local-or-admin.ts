import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../app/index.js';
import { requireKey } from './auth/index.js';

/** True for an IPv4 or IPv6 loopback address (IPv4-mapped included). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

/**
 * An `onRequest` hook for operator endpoints (`/metrics`, `/health/detailed`): open to callers on
 * the same machine (the socket's address is loopback, as for a local Prometheus or a health
 * probe), an `admin` key otherwise. Behind a reverse proxy on the same host every caller looks
 * local: do not route these paths through such a proxy.
 */
export function localOrAdmin(app: App) {
  const admin = requireKey(app, 'admin');
  return async function operatorAccess(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    if (isLoopback(request.socket.remoteAddress)) return;
    await admin(request, reply);
  };
}
