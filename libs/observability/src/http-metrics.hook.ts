import type { FastifyInstance } from 'fastify';
import { Metrics } from './metrics';

/** Records each request's latency under its route pattern (not the raw URL, to bound label cardinality). */
export function recordHttpMetrics(fastify: FastifyInstance, metrics: Metrics): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
