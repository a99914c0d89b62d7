import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { CreditNotesService } from '@ar/invoicing';
import { ApiProblems, Idempotent } from '@ar/http';
import { CreditNoteResponse, toCreditNoteResponse } from './credit-note.response';
import { CreateCreditNoteDto } from './dto/create-credit-note.dto';

@ApiTags('credit notes')
@ApiBearerAuth()
@Idempotent()
@Controller('credit-notes')
export class CreditNotesController {
  constructor(private readonly creditNotes: CreditNotesService) {}

  @ApiCreatedResponse({ type: CreditNoteResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateCreditNoteDto): Promise<CreditNoteResponse> {
    return toCreditNoteResponse(await this.creditNotes.create(principal, body));
  }
}
