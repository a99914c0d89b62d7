import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CreditNoteRequestsService } from '@ar/invoicing';
import { CreditNoteRequestResponse, toCreditNoteRequestResponse } from './credit-note-request.response';
import { CreateCreditNoteDto } from './dto/create-credit-note.dto';
import { ApproveCreditNoteRequestDto, ListCreditNoteRequestsQuery, RejectCreditNoteRequestDto } from './dto/credit-note-request-queries.dto';

/** A manager asks for a credit note; finance (or an admin) approves it, which issues the note, or rejects it. */
@ApiTags('credit notes')
@ApiBearerAuth()
@Idempotent()
@Controller('credit-note-requests')
export class CreditNoteRequestsController {
  constructor(private readonly requests: CreditNoteRequestsService) {}

  @ApiCreatedResponse({ type: CreditNoteRequestResponse })
  @ApiProblems(404, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCreditNoteDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.request(principal, body));
  }

  @ApiPageResponse(CreditNoteRequestResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCreditNoteRequestsQuery) {
    const page = await this.requests.list(principal, { status: query.status, clientId: query.clientId }, query.limit, query.cursor);
    return { data: page.data.map(toCreditNoteRequestResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: CreditNoteRequestResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.get(principal, id));
  }

  @ApiOkResponse({ type: CreditNoteRequestResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async approve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ApproveCreditNoteRequestDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.approve(principal, id, body.note));
  }

  @ApiOkResponse({ type: CreditNoteRequestResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/reject')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async reject(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: RejectCreditNoteRequestDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.reject(principal, id, body.reason));
  }
}
