import { Controller, Delete, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { serialize } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles, TokenVerifier } from '@ar/auth';
import { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH, QUEUE_BOARD_SESSION_SECONDS } from './queue-board-session';

/** Lets an admin open the queue dashboard in a browser: the bearer token is exchanged for a short-lived cookie. */
@ApiTags('queues')
@ApiBearerAuth()
@Controller('queues/session')
export class QueueSessionController {
  constructor(private readonly tokens: TokenVerifier) {}

  @Post()
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: `Starts a ${QUEUE_BOARD_SESSION_SECONDS / 60}-minute dashboard session (cookie for ${QUEUE_BOARD_PATH}); admins only` })
  @ApiNoContentResponse({ description: 'The session cookie is set (HttpOnly, SameSite=Strict, Path=/queues)' })
  async start(@CurrentPrincipal() principal: Principal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = await this.tokens.sign(principal, QUEUE_BOARD_SESSION_SECONDS);
    reply.header(
      'set-cookie',
      serialize(QUEUE_BOARD_COOKIE, token, { path: QUEUE_BOARD_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: QUEUE_BOARD_SESSION_SECONDS }),
    );
  }

  @Delete()
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: 'Ends the dashboard session' })
  @ApiNoContentResponse({ description: 'The session cookie is cleared' })
  end(@Res({ passthrough: true }) reply: FastifyReply): void {
    reply.header('set-cookie', serialize(QUEUE_BOARD_COOKIE, '', { path: QUEUE_BOARD_PATH, httpOnly: true, sameSite: 'strict', maxAge: 0 }));
  }
}
