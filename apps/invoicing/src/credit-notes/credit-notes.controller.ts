import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { CreditNote, CreditNotesService } from '@ar/invoicing';
import { Idempotent } from '@ar/http';
import { CreateCreditNoteDto } from './dto/create-credit-note.dto';

export interface CreditNoteResponse {
  id: string;
  invoiceId: string;
  clientId: string;
  amount: number;
  currency: string;
  reason: string;
  issuedOn: string;
  createdAt: string;
}

function toCreditNoteResponse(note: CreditNote): CreditNoteResponse {
  return {
    id: note.id,
    invoiceId: note.invoiceId,
    clientId: note.clientId,
    amount: note.amount,
    currency: note.currency,
    reason: note.reason,
    issuedOn: note.issuedOn,
    createdAt: note.createdAt.toISOString(),
  };
}

@ApiTags('credit notes')
@ApiBearerAuth()
@Idempotent()
@Controller('credit-notes')
export class CreditNotesController {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCreditNoteDto): Promise<CreditNoteResponse> {
    return toCreditNoteResponse(await this.creditNotes.create(principal, body));
  }
}
