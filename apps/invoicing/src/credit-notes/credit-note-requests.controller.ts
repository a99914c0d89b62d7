import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { Idempotent, UuidParam } from '@ar/http';
import { CreditNoteRequest, CreditNoteRequestsService } from '@ar/invoicing';
import { CreateCreditNoteDto } from './dto/create-credit-note.dto';
import { ApproveCreditNoteRequestDto, ListCreditNoteRequestsQuery, RejectCreditNoteRequestDto } from './dto/credit-note-request-queries.dto';

export interface CreditNoteRequestResponse {
  id: string;
  invoiceId: string;
  clientId: string;
  amount: number;
  currency: string;
  reason: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  creditNoteId: string | null;
  createdAt: string;
}

function toCreditNoteRequestResponse(r: CreditNoteRequest): CreditNoteRequestResponse {
  return {
    id: r.id,
    invoiceId: r.invoiceId,
    clientId: r.clientId,
    amount: r.amount,
    currency: r.currency,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requestedBy,
    decidedBy: r.decidedBy,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decisionNote: r.decisionNote,
    creditNoteId: r.creditNoteId,
    createdAt: r.createdAt.toISOString(),
  };
}

/** A manager asks for a credit note; finance (or an admin) approves it, which issues the note, or rejects it. */
@ApiTags('credit notes')
@ApiBearerAuth()
@Idempotent()
@Controller('credit-note-requests')
export class CreditNoteRequestsController {
  constructor(private readonly requests: CreditNoteRequestsService) {}

  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCreditNoteDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.request(principal, body));
  }

  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListCreditNoteRequestsQuery) {
    const page = await this.requests.list(principal, { status: query.status, clientId: query.clientId }, query.limit, query.cursor);
    return { data: page.data.map(toCreditNoteRequestResponse), nextCursor: page.nextCursor };
  }

  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.get(principal, id));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async approve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ApproveCreditNoteRequestDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.approve(principal, id, body.note));
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async reject(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: RejectCreditNoteRequestDto): Promise<CreditNoteRequestResponse> {
    return toCreditNoteRequestResponse(await this.requests.reject(principal, id, body.reason));
  }
}
