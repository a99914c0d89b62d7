import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal } from '@ar/auth';
import { ApiPageResponse, ApiProblems, Idempotent, UuidParam } from '@ar/http';
import { Page } from '@ar/pagination';
import { DisputeCasesService, InvoicesService } from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';
import { CreateInvoiceDto } from './dto/create-invoice.dto';
import { DisputeInvoiceDto } from './dto/dispute-invoice.dto';
import { AsOfQuery, ListInvoicesQuery } from './dto/list-invoices.query';
import { InvoiceResponse, toInvoiceResponse } from './invoice.response';

@ApiTags('invoices')
@ApiBearerAuth()
@Idempotent()
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly disputes: DisputeCasesService,
    private readonly calendar: BusinessCalendar,
  ) {}

  @ApiCreatedResponse({ type: InvoiceResponse })
  @ApiProblems(404, 409, 422)
  @Post()
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateInvoiceDto): Promise<InvoiceResponse> {
    return toInvoiceResponse(await this.invoices.create(principal, body), this.calendar.today());
  }

  @ApiPageResponse(InvoiceResponse)
  @Get()
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListInvoicesQuery): Promise<Page<InvoiceResponse>> {
    const asOf = query.asOf ?? this.calendar.today();
    const page = await this.invoices.list(principal, { ...query, asOf });
    return { data: page.data.map((i) => toInvoiceResponse(i, asOf)), nextCursor: page.nextCursor };
  }

  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(404)
  @Get(':id')
  async get(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string, @Query() query: AsOfQuery): Promise<InvoiceResponse> {
    const asOf = query.asOf ?? this.calendar.today();
    return toInvoiceResponse(await this.invoices.get(principal, id, asOf), asOf);
  }

  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/void')
  @HttpCode(200)
  async void(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<InvoiceResponse> {
    return toInvoiceResponse(await this.invoices.void(principal, id), this.calendar.today());
  }

  /** Opens a dispute case (see /v1/dispute-cases) and answers with the invoice, now disputed. */
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/dispute')
  @HttpCode(200)
  async dispute(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidParam) id: string,
    @Body() body: DisputeInvoiceDto,
  ): Promise<InvoiceResponse> {
    await this.disputes.open(principal, id, body);
    return this.current(principal, id);
  }

  /** Ends the invoice's open dispute case as rejected: dunning resumes. */
  @ApiOkResponse({ type: InvoiceResponse })
  @ApiProblems(404, 409, 422)
  @Post(':id/resolve-dispute')
  @HttpCode(200)
  async resolveDispute(@CurrentPrincipal() principal: Principal, @Param('id', UuidParam) id: string): Promise<InvoiceResponse> {
    await this.disputes.resolveInvoiceDispute(principal, id);
    return this.current(principal, id);
  }

  private async current(principal: Principal, id: string): Promise<InvoiceResponse> {
    const today = this.calendar.today();
    return toInvoiceResponse(await this.invoices.get(principal, id, today), today);
  }
}
