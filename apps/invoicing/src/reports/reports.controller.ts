import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal } from '@ar/auth';
import {
  AgingRow, agingToCsv, CollectionPlanService, DisputeCasesService, invoicePeriodToCsv, InvoicePeriodRow, paymentPeriodToCsv, PaymentPeriodRow, PeriodReportsService,
  ReceivablesReportsService,
} from '@ar/invoicing';
import { BusinessCalendar } from '@ar/time';
import { AgingQuery, CollectionPlanQuery, DsoQuery, PeriodReportQuery } from './dto/report-queries';
import {
  AgingReportResponse, CollectionPlanResponse, DisputesReportResponse, DsoReportResponse, InvoicePeriodReportResponse, PaymentPeriodReportResponse,
} from './report.response';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReceivablesReportsService,
    private readonly calendar: BusinessCalendar,
    private readonly disputes: DisputeCasesService,
    private readonly collectionPlans: CollectionPlanService,
    private readonly periods: PeriodReportsService,
  ) {}

  /** Open balances by age bucket as of a date; `Accept: text/csv` returns CSV. */
  @ApiOkResponse({ type: AgingReportResponse, description: 'JSON, or with Accept: text/csv the rows as CSV' })
  @Get('aging')
  @ApiProduces('application/json', 'text/csv')
  async aging(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AgingQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ asOf: string; groupBy: string; rows: AgingRow[] } | string> {
    const asOf = query.asOf ?? this.calendar.today();
    const groupBy = query.groupBy ?? 'none';
    const rows = await this.reports.aging(principal, asOf, groupBy);
    if (accept?.includes('text/csv')) {
      response.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="aging-${asOf}.csv"`);
      return agingToCsv(rows);
    }
    return { asOf, groupBy, rows };
  }

  @ApiOkResponse({ type: DsoReportResponse })
  @Get('dso')
  dso(@CurrentPrincipal() principal: Principal, @Query() query: DsoQuery) {
    return this.reports.dso(principal, query.from, query.to);
  }

  /** The analysis of the causes of complaints: dispute cases opened in the period by reason code and currency. */
  @ApiOkResponse({ type: DisputesReportResponse })
  @Get('disputes')
  async disputeCases(@CurrentPrincipal() principal: Principal, @Query() query: DsoQuery) {
    return { from: query.from, to: query.to, rows: await this.disputes.report(principal, query.from, query.to) };
  }

  /** The month's expected cash per manager (or client) from due dates, promises and instalments, next to what came in. */
  @ApiOkResponse({ type: CollectionPlanResponse })
  @Get('collection-plan')
  collectionPlan(@CurrentPrincipal() principal: Principal, @Query() query: CollectionPlanQuery) {
    return this.collectionPlans.plan(principal, query.month, query.groupBy ?? 'manager');
  }

  /** Invoices issued, voided, paid, discounted, credited and written off in a period; `Accept: text/csv` returns CSV. */
  @ApiOkResponse({ type: InvoicePeriodReportResponse, description: 'JSON, or with Accept: text/csv the rows as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @Get('invoices')
  async invoicePeriod(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PeriodReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ from: string; to: string; groupBy: string; rows: InvoicePeriodRow[] } | string> {
    const rows = await this.periods.invoices(principal, query.from, query.to, query.groupBy ?? 'none');
    return periodReport('invoices', query, rows, invoicePeriodToCsv, accept, response);
  }

  /** Payments received in a period: applied, unapplied, reversed; `Accept: text/csv` returns CSV. */
  @ApiOkResponse({ type: PaymentPeriodReportResponse, description: 'JSON, or with Accept: text/csv the rows as CSV' })
  @ApiProduces('application/json', 'text/csv')
  @Get('payments')
  async paymentPeriod(
    @CurrentPrincipal() principal: Principal,
    @Query() query: PeriodReportQuery,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) response: FastifyReply,
  ): Promise<{ from: string; to: string; groupBy: string; rows: PaymentPeriodRow[] } | string> {
    const rows = await this.periods.payments(principal, query.from, query.to, query.groupBy ?? 'none');
    return periodReport('payments', query, rows, paymentPeriodToCsv, accept, response);
  }
}

/** A period report as JSON, or with Accept: text/csv its rows as a CSV attachment. */
function periodReport<R>(
  name: string,
  query: PeriodReportQuery,
  rows: R[],
  toCsv: (rows: R[]) => string,
  accept: string | undefined,
  response: FastifyReply,
): { from: string; to: string; groupBy: string; rows: R[] } | string {
  if (!accept?.includes('text/csv')) return { from: query.from, to: query.to, groupBy: query.groupBy ?? 'none', rows };
  response.type('text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="${name}-${query.from}-${query.to}.csv"`);
  return toCsv(rows);
}
