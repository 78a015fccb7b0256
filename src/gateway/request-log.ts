import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/**
 * Fastify's per-request log lines, reduced to one: `request completed` at `info` carries what
 * Fastify's two default lines and our former "request inspected" line carried between them —
 * request id, method, path (never the query), client address, status, latency (ms), key id,
 * finding counts and, for a failed request, its error code. Two or three lines per request were
 * a visible share of the gateway's CPU. `incoming request` is still written, at `debug`, so a
 * request that never completes can be traced there. Pass an instance as `logController`.
 */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const state = request.bulwark as FastifyRequest['bulwark'] | null;
    const code = (request.bulwarkMetrics as FastifyRequest['bulwarkMetrics'] | null)?.errorCode ?? null;
    const line: Record<string, unknown> = {
      req: request,
      res: { statusCode: reply.statusCode },
      responseTime: Math.round(reply.elapsedTime * 1000) / 1000,
      keyId: state?.keyId ?? null,
      findings: state?.findings,
    };
    if (code !== null) line['code'] = code;
    // `error`: the response stream itself failed (the socket broke while writing).
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}
