import { ApiProperty } from '@nestjs/swagger';

/** Open balances of one group and currency by age bucket (minor units; days past due). */
class AgingRowResponse {
  @ApiProperty({ description: "'all', a client id or a manager id (or 'unassigned'), depending on groupBy", example: 'all' }) key: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'not yet due', example: 1250000 }) current: number;
  @ApiProperty({ example: 430000 }) d1_30: number;
  @ApiProperty({ example: 120000 }) d31_60: number;
  @ApiProperty({ example: 0 }) d61_90: number;
  @ApiProperty({ example: 59500 }) d91_plus: number;
  @ApiProperty({ example: 1859500 }) total: number;
}

export class AgingReportResponse {
  @ApiProperty({ format: 'date', example: '2026-06-30' }) asOf: string;
  @ApiProperty({ enum: ['none', 'client', 'manager'], example: 'none' }) groupBy: string;
  @ApiProperty({ type: [AgingRowResponse] }) rows: AgingRowResponse[];
}

class DsoRowResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'open at the end of the period, minor units', example: 1859500 }) receivables: number;
  @ApiProperty({ description: 'invoiced during the period, minor units', example: 2400000 }) sales: number;
  @ApiProperty({ nullable: true, type: Number, description: 'null without sales in the period', example: 70.5 }) dso: number | null;
}

export class DsoReportResponse {
  @ApiProperty({ format: 'date', example: '2026-04-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) to: string;
  @ApiProperty({ example: 91 }) days: number;
  @ApiProperty({ type: [DsoRowResponse] }) rows: DsoRowResponse[];
}

class DisputesReportRowResponse {
  @ApiProperty({ enum: ['price', 'quantity', 'quality', 'not_received', 'duplicate', 'other'], example: 'quality' }) reasonCode: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'cases opened in the period', example: 4 }) opened: number;
  @ApiProperty({ description: 'what their invoices owed when opened, minor units', example: 476000 }) amount: number;
  @ApiProperty({ example: 1 }) open: number;
  @ApiProperty({ example: 3 }) resolved: number;
  @ApiProperty({ example: 2 }) creditNote: number;
  @ApiProperty({ example: 0 }) writeOff: number;
  @ApiProperty({ example: 1 }) rejected: number;
  @ApiProperty({ example: 0 }) paid: number;
  @ApiProperty({ description: 'credited and written off by the resolutions, minor units', example: 40000 }) resolvedAmount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'mean days from opening to resolution', example: 6.3 }) avgDaysToResolve: number | null;
}

export class DisputesReportResponse {
  @ApiProperty({ format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) to: string;
  @ApiProperty({ type: [DisputesReportRowResponse] }) rows: DisputesReportRowResponse[];
}

class CollectionPlanRowResponse {
  @ApiProperty({ description: "the manager's id (or 'unassigned'), or the client's id", example: '0190a000-0000-7000-8000-0000000000a1' }) key: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'fromInvoices + fromPromises + fromInstalments, minor units', example: 540000 }) expected: number;
  @ApiProperty({ description: 'invoices whose predicted payment date falls in the month', example: 420000 }) fromInvoices: number;
  @ApiProperty({ description: 'active promises dated in the month', example: 60000 }) fromPromises: number;
  @ApiProperty({ description: 'instalments due in the month, for what is not yet covered', example: 60000 }) fromInstalments: number;
  @ApiProperty({ description: 'payments received in the month', example: 300000 }) collected: number;
  @ApiProperty({ description: 'expected − collected', example: 240000 }) gap: number;
}

export class CollectionPlanResponse {
  @ApiProperty({ example: '2026-04' }) month: string;
  @ApiProperty({ format: 'date', example: '2026-04-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-04-30' }) to: string;
  @ApiProperty({ format: 'date', example: '2026-03-31', description: 'the balances the plan starts from: the day before the month, or today for a month ahead' }) plannedAsOf: string;
  @ApiProperty({ enum: ['manager', 'client'], example: 'manager' }) groupBy: string;
  @ApiProperty({ type: [CollectionPlanRowResponse] }) rows: CollectionPlanRowResponse[];
}

export class CountAndAmountResponse {
  @ApiProperty({ example: 3 }) count: number;
  @ApiProperty({ description: 'minor units', example: 357000 }) amount: number;
}

export class InvoicePeriodRowResponse {
  @ApiProperty({ example: 'all', description: "'all', a client id, a manager id ('unassigned'), or a month YYYY-MM" }) key: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: CountAndAmountResponse, description: 'invoices issued in the period that are not void' }) issued: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'invoices issued in the period that are void now' }) voided: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'payments applied in the period, net of reversals; count: invoices paid in full in the period' })
  paid: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'cash discounts (Skonto) granted in the period; count is 0' }) discounted: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'credit notes issued in the period' }) credited: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'write-offs booked in the period' }) writtenOff: CountAndAmountResponse;
}

export class InvoicePeriodReportResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: ['none', 'client', 'manager', 'month'] }) groupBy: string;
  @ApiProperty({ type: [InvoicePeriodRowResponse] }) rows: InvoicePeriodRowResponse[];
}

export class PaymentPeriodRowResponse {
  @ApiProperty({ example: 'all', description: "'all', a client id, a manager id ('unassigned'), or a month YYYY-MM" }) key: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: CountAndAmountResponse, description: 'payments received in the period (= applied + unapplied + reversed)' }) received: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'the part applied to invoices (count: payments applied at least in part)' }) applied: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'the part left as credit with the client' }) unapplied: CountAndAmountResponse;
  @ApiProperty({ type: CountAndAmountResponse, description: 'payments reversed since' }) reversed: CountAndAmountResponse;
}

export class PaymentPeriodReportResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ enum: ['none', 'client', 'manager', 'month'] }) groupBy: string;
  @ApiProperty({ type: [PaymentPeriodRowResponse] }) rows: PaymentPeriodRowResponse[];
}
