import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BullBoardFastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { Queue } from 'bullmq';
import { parse as parseCookies } from 'cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, Principal, TokenVerifier } from '@ar/auth';
import { DomainError, ProblemDetailsFilter } from '@ar/errors';
import { Queues } from '@ar/queues';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH } from './queue-board-session';

/**
 * Bull Board on the collections service at /queues, for operators: every queue this worker runs (sweeps,
 * events, webhook deliveries, maintenance). Admins only, by bearer token or by the short-lived session cookie
 * that POST /v1/queues/session sets for a browser; anyone else gets the same 404 as for a page that does not exist.
 */
@Injectable()
export class QueueBoard implements OnModuleInit {
  private readonly problems = new ProblemDetailsFilter();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly tokens: TokenVerifier,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    const board = new BullBoardFastifyAdapter();
    board.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: Object.values(Queues).map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }), { readOnlyMode: false })),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'AR follow-up queues' } },
    });
    // Queued, not awaited: awaiting a plugin here starts Fastify's boot before Nest has set its error handler, and
    // errors of every route (a body too deep to parse) would then miss the problem+json handling.
    void fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (request, reply) => this.admitAdmin(request, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: QUEUE_BOARD_PATH },
    );
  }

  private async admitAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const caller = await this.caller(request);
    if (caller?.role !== 'admin') {
      this.problems.send(DomainError.notFound('Page', request.url.split('?')[0]), request, reply);
      return reply;
    }
  }

  private async caller(request: FastifyRequest): Promise<Principal | null> {
    const token = bearerToken(request.headers.authorization) ?? parseCookies(request.headers.cookie ?? '')[QUEUE_BOARD_COOKIE];
    if (!token) return null;
    try {
      return await this.tokens.verify(token);
    } catch {
      return null;
    }
  }
}
