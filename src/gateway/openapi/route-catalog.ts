import type { FastifyInstance } from 'fastify';

/** One registered route: method and URL template in Fastify's syntax (`/admin/keys/:id`). */
export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered after `routeCatalog` was called (HEAD twins of GET routes left out). */
    registeredRoutes: readonly RegisteredRoute[];
  }
}

/**
 * Records the routes the server registers, so a test can hold the OpenAPI document to them.
 * Call right after creating the server, before any route.
 */
export function routeCatalog(server: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  server.decorate('registeredRoutes', routes);
  server.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
}
