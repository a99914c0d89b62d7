import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { UuidParam } from '@ar/http';
import { ClientBalanceService, CurrencyBalance } from '@ar/invoicing';

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
export class ClientBalanceController {
  constructor(private readonly balances: ClientBalanceService) {}

  @Get(':id/balance')
  /** One entry per currency the client has invoices or credit in. */
  balance(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<CurrencyBalance[]> {
    return this.balances.balance(principal, id);
  }
}
