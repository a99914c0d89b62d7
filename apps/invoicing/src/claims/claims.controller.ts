import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@ar/auth';
import { ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { claimPeriodsToCsv, ClientClaim, InterestAdjustmentsService, InvoiceClaim, InvoiceClaimsService, InvoicesService } from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';
import { AsOfQuery } from '../invoices/dto/list-invoices.query';
import { InvoiceResponse, toInvoiceResponse } from '../invoices/invoice.response';
import { ClientClaimResponse, InvoiceClaimResponse } from './claim.response';
import { WaiveInterestDto } from './dto/waive-interest.dto';

/**
 * Claim statements: principal, late interest period by period, fees and what was applied, recomputed from the
 * ledger for any date. `Accept: text/csv` gives the interest periods as CSV.
 */
@ApiTags('claims')
@ApiBearerAuth()
@Idempotent()
@Controller()
export class ClaimsController {
  constructor(
    private readonly claims: InvoiceClaimsService,
    private readonly adjustments: InterestAdjustmentsService,
    private readonly invoices: InvoicesService,
    private readonly calendar: BusinessCalendar,
  ) {}

  /** Forgives the late interest and fees open up to today and stops further accrual; answers the claim as of today. */
  @ApiOkResponse({ type: InvoiceClaimResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post('invoices/:id/waive-interest')
  @HttpCode(200)
  @Roles('finance', 'head_of_sales', 'admin')
  waiveInterest(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Body() body: WaiveInterestDto): Promise<InvoiceClaim> {
    return this.adjustments.waive(principal, id, body.reason);
  }

  /** Issues an interest invoice (kind `interest`) for the late interest and fees open up to today. */
  @ApiCreatedResponse({ type: InvoiceResponse })
  @ApiProblems(403, 404, 409, 422)
  @Post('invoices/:id/charge-interest')
  @Roles('finance', 'admin')
  async chargeInterest(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<InvoiceResponse> {
    const interestInvoiceId = await this.adjustments.charge(principal, id);
    return toInvoiceResponse(await this.invoices.get(principal, interestInvoiceId), this.calendar.today());
  }

  @ApiOkResponse({ type: InvoiceClaimResponse, description: 'JSON, or with Accept: text/csv the interest periods as CSV' })
  @ApiProblems(404)
  @Get('invoices/:id/claim')
  @ApiProduces('application/json', 'text/csv')
  async invoiceClaim(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: AsOfQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<InvoiceClaim | string> {
    const asOf = query.asOf ?? this.calendar.today();
    const claim = await this.claims.invoiceClaim(principal, id, asOf);
    return this.respond(claim, [claim], `claim-${claim.number}-${asOf}.csv`, accept, response);
  }

  @ApiOkResponse({ type: ClientClaimResponse, description: 'JSON, or with Accept: text/csv the interest periods of every invoice as CSV' })
  @ApiProblems(404)
  @Get('clients/:id/claim')
  @ApiProduces('application/json', 'text/csv')
  async clientClaim(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Query() query: AsOfQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<ClientClaim | string> {
    const asOf = query.asOf ?? this.calendar.today();
    const claim = await this.claims.clientClaim(principal, id, asOf);
    return this.respond(claim, claim.invoices, `claim-client-${id}-${asOf}.csv`, accept, response);
  }

  private respond<T>(json: T, claims: InvoiceClaim[], filename: string, accept: string | undefined, response: FastifyReply): T | string {
    if (!accept?.includes('text/csv')) return json;
    response.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`);
    return claimPeriodsToCsv(claims);
  }
}
