import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { App } from '../app/index.js';
import { buildServer } from './build-server.js';

/** A listening gateway. */
export interface RunningGateway {
  readonly server: FastifyInstance;
  /** `http://host:port` actually bound (the port is real even when 0 was configured). */
  readonly url: string;
  /** Stops accepting, lets in-flight requests (streams included) finish, releases the app. */
  close(): Promise<void>;
}

/**
 * Tracks connections without a request in flight. Node's own idle check misses sockets that
 * never sent a request (some clients open spare ones), which would hold `close()` open until
 * their header timeout; those and every socket that becomes idle while closing are destroyed.
 */
function idleTracker(server: FastifyInstance): { closeIdle(): void } {
  const idle = new Set<Socket>();
  let closing = false;
  const markIdle = (socket: Socket): void => {
    if (socket.destroyed) return;
    if (closing) socket.destroy();
    else idle.add(socket);
  };
  server.server.on('connection', (socket: Socket) => {
    idle.add(socket);
    socket.once('close', () => idle.delete(socket));
  });
  server.server.on('request', (req, res) => {
    idle.delete(req.socket);
    res.once('close', () => markIdle(req.socket));
  });
  return {
    closeIdle() {
      closing = true;
      for (const socket of idle) socket.destroy();
      idle.clear();
    },
  };
}

/** Builds the server for `app` and listens on the configured host and port. */
export async function startGateway(app: App): Promise<RunningGateway> {
  const server = buildServer(app);
  const tracker = idleTracker(server);
  await server.listen({ host: app.http.host, port: app.http.port });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : app.http.port;
  const host = app.http.host.includes(':') ? `[${app.http.host}]` : app.http.host;
  return {
    server,
    url: `http://${host}:${port}`,
    close: async () => {
      const closed = server.close();
      tracker.closeIdle();
      await closed;
    },
  };
}
