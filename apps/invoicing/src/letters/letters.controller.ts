import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { LettersService } from '@ar/invoicing';
import { CreateLetterDto, ListLettersQuery } from './dto/letter-commands.dto';
import { LetterResponse, toLetterResponse } from './letter.response';

/** Letters to debtors: reminders, final notices and pre-trial claims as PDF, e-mailed or posted. */
@ApiTags('letters')
@ApiBearerAuth()
@Idempotent()
@Controller('letters')
export class LettersController {
  constructor(private readonly letters: LettersService) {}

  /** Produces a letter now for the client's overdue invoices (or those named), e-mailed unless send is false. */
  @ApiCreatedResponse({ type: LetterResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateLetterDto): Promise<LetterResponse> {
    return toLetterResponse(await this.letters.create(principal, body));
  }

  @ApiPageResponse(LetterResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListLettersQuery) {
    const page = await this.letters.list(principal, { clientId: query.clientId, status: query.status }, query.limit, query.cursor);
    return { data: page.data.map((l) => toLetterResponse(l)), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: LetterResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<LetterResponse> {
    const letter = await this.letters.get(principal, id);
    return toLetterResponse(letter, await this.letters.attempts(id));
  }

  /** The PDF exactly as produced (and sent). */
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The letter as PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } })
  @ApiProblems(404)
  @Get(':id/pdf')
  async pdf(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const { letter, pdf } = await this.letters.pdf(principal, id);
    reply.type('application/pdf').header('Content-Disposition', `inline; filename="${letter.number}.pdf"`);
    return pdf;
  }

  /** Records that the letter went out by post. */
  @ApiOkResponse({ type: LetterResponse })
  @ApiProblems(404, 409)
  @Post(':id/mark-posted')
  @HttpCode(200)
  async markPosted(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<LetterResponse> {
    const letter = await this.letters.markPosted(principal, id);
    return toLetterResponse(letter, await this.letters.attempts(id));
  }
}
