import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiProblems, UuidParam } from '@ar/http';
import { AccountStatement, AccountStatementService, statementToCsv } from '@ar/invoicing';
import { StatementResponse } from './client-statement.response';
import { StatementQuery } from './dto/statement.query';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientStatementController {
  constructor(private readonly statements: AccountStatementService) {}

  /**
   * Every invoice, credit note, payment, reversal, discount and interest invoice of the period with the running
   * balance. `Accept: text/csv` gives CSV, `Accept: application/pdf` the statement letter (in Russian an акт сверки).
   */
  @ApiProduces('application/json', 'text/csv', 'application/pdf')
  @ApiOkResponse({ type: StatementResponse, description: 'JSON; CSV or PDF by Accept' })
  @ApiProblems(404, 422)
  @Get(':id/statement')
  async statement(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: StatementQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AccountStatement | string | Buffer> {
    if (accept?.includes('application/pdf')) {
      const { pdf } = await this.statements.pdf(principal, id, query);
      reply.type('application/pdf').header('Content-Disposition', `inline; filename="statement-${query.from}-${query.to}.pdf"`);
      return pdf;
    }
    const statement = await this.statements.statement(principal, id, query);
    if (accept?.includes('text/csv')) {
      reply.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="statement-${query.from}-${query.to}.csv"`);
      return statementToCsv(statement);
    }
    return statement;
  }
}
