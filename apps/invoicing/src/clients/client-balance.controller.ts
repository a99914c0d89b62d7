import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiProblems, UuidParam } from '@ar/http';
import { ClientBalanceService, CurrencyBalance } from '@ar/invoicing';
import { CurrencyBalanceResponse } from './client-balance.response';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientBalanceController {
  constructor(private readonly balances: ClientBalanceService) {}

  /** One entry per currency the client has invoices or credit in. */
  @ApiOkResponse({ type: [CurrencyBalanceResponse] })
  @ApiProblems(404)
  @Get(':id/balance')
  balance(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<CurrencyBalance[]> {
    return this.balances.balance(principal, id);
  }
}
