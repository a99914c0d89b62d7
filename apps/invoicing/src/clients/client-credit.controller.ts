import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { CreditApplicationService } from '@ar/invoicing';
import { ApplyCreditDto } from './dto/apply-credit.dto';
import { ApplyCreditResponse } from './client-credit.response';

@ApiTags('clients')
@ApiBearerAuth()
@Idempotent()
@Controller('clients')
export class ClientCreditController {
  constructor(private readonly credit: CreditApplicationService) {}

  /** Applies the client's unapplied credit to its open invoices (finance, admin). */
  @ApiOkResponse({ type: ApplyCreditResponse })
  @ApiProblems(403, 404, 422)
  @Post(':id/apply-credit')
  @HttpCode(200)
  async apply(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: ApplyCreditDto): Promise<ApplyCreditResponse> {
    return this.credit.apply(principal, id, body);
  }
}
