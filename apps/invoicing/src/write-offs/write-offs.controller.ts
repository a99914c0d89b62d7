import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { InvoicesService, WriteOffsService } from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';
import { toInvoiceResponse } from '../invoices/invoice.response';
import { WriteOffDto } from './write-off.dto';
import { toWriteOffResponse, WriteOffResponse } from './write-off.response';

/** Writing off what cannot be collected: finance and admin (a manager gets 403, or 404 for an invoice they cannot see). */
@ApiTags('invoices')
@ApiBearerAuth()
@Idempotent()
@Controller('invoices')
export class WriteOffsController {
  constructor(
    private readonly writeOffs: WriteOffsService,
    private readonly invoices: InvoicesService,
    private readonly calendar: BusinessCalendar,
  ) {}

  @ApiOkResponse({ type: WriteOffResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post(':id/write-off')
  @HttpCode(200)
  async writeOff(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: WriteOffDto): Promise<WriteOffResponse> {
    const { writeOff } = await this.writeOffs.writeOff(principal, id, body);
    const today = this.calendar.today();
    return toWriteOffResponse(writeOff, toInvoiceResponse(await this.invoices.get(principal, id, today), today));
  }
}
