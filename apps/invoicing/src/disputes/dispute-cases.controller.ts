import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { DisputeCasesService } from '@ar/invoicing';
import {
  ApproveDisputeResolutionDto,
  DeclineDisputeResolutionDto,
  DisputeNoteDto,
  ListDisputeCasesQuery,
  OpenDisputeCaseDto,
  ResolveDisputeCaseDto,
} from './dispute-case.dto';
import { DisputeCaseResponse, toDisputeCaseResponse } from './dispute-case.response';

/** Dispute cases: opened on an invoice, owned, noted, resolved (credit notes and write-offs by finance, proposed by managers). */
@ApiTags('dispute cases')
@ApiBearerAuth()
@Idempotent()
@Controller('dispute-cases')
export class DisputeCasesController {
  constructor(private readonly disputes: DisputeCasesService) {}

  @ApiCreatedResponse({ type: DisputeCaseResponse })
  @ApiProblems(404, 409, 422)
  @Post()
  async open(@CurrentPrincipal() principal: Principal, @Body() body: OpenDisputeCaseDto) {
    const { invoiceId, ...command } = body;
    return toDisputeCaseResponse(await this.disputes.open(principal, invoiceId, command));
  }

  @ApiPageResponse(DisputeCaseResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListDisputeCasesQuery) {
    const { limit, cursor, ...filters } = query;
    const page = await this.disputes.list(principal, filters, limit, cursor);
    return { data: page.data.map(toDisputeCaseResponse), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: DisputeCaseResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string) {
    return toDisputeCaseResponse(await this.disputes.get(principal, id));
  }

  @ApiOkResponse({ type: DisputeCaseResponse })
  @ApiProblems(404)
  @Post(':id/notes')
  @HttpCode(200)
  async addNote(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: DisputeNoteDto) {
    return toDisputeCaseResponse(await this.disputes.addNote(principal, id, body.note));
  }

  /** Finance and admins book a credit note or write-off at once; anyone else proposes it (proposedResolution). */
  @ApiOkResponse({ type: DisputeCaseResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/resolve')
  @HttpCode(200)
  async resolve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ResolveDisputeCaseDto) {
    return toDisputeCaseResponse(await this.disputes.resolve(principal, id, body));
  }

  @ApiOkResponse({ type: DisputeCaseResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/approve')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async approve(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ApproveDisputeResolutionDto) {
    return toDisputeCaseResponse(await this.disputes.approve(principal, id, body.note));
  }

  @ApiOkResponse({ type: DisputeCaseResponse })
  @ApiProblems(403, 404, 409)
  @Post(':id/decline')
  @HttpCode(200)
  @Roles('finance', 'admin')
  async decline(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: DeclineDisputeResolutionDto) {
    return toDisputeCaseResponse(await this.disputes.decline(principal, id, body.reason));
  }
}
