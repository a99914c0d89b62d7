import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INTEREST_RULES, RATE_SERIES_NAMES } from '@ar/claims';

class ClaimPrincipalResponse {
  @ApiProperty({ description: 'minor units', example: 119000 }) total: number;
  @ApiProperty({ example: 50000 }) paid: number;
  @ApiProperty({ example: 0 }) discounted: number;
  @ApiProperty({ example: 0 }) credited: number;
  @ApiProperty({ description: 'written off as uncollectable', example: 0 }) writtenOff: number;
  @ApiProperty({ example: 69000 }) outstanding: number;
}

class InterestPeriodResponse {
  @ApiProperty({ format: 'date', example: '2026-04-01' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-04-30' }) to: string;
  @ApiProperty({ example: 30 }) days: number;
  @ApiProperty({ enum: [365, 366], example: 365 }) dayBasis: number;
  @ApiProperty({ description: 'principal bearing interest in the period, minor units', example: 119000 }) principal: number;
  @ApiProperty({ enum: INTEREST_RULES, example: 'de_b2b' }) rule: string;
  @ApiProperty({ enum: RATE_SERIES_NAMES, nullable: true, type: String, example: 'de_base' }) rateSeries: string | null;
  @ApiProperty({ example: 1.27 }) referenceRatePercent: number;
  @ApiProperty({ example: 9 }) marginPercent: number;
  @ApiProperty({ example: 10.27 }) ratePercent: number;
  @ApiProperty({ description: 'minor units, rounded half-up per period', example: 1005 }) interest: number;
}

class ClaimFeeResponse {
  @ApiProperty({ enum: ['flat_fee', 'dunning'], example: 'flat_fee' }) kind: string;
  @ApiPropertyOptional({ description: 'dunning level of a dunning fee', example: 2 }) level?: number;
  @ApiProperty({ description: 'minor units', example: 4000 }) amount: number;
}

class ClaimAppliedResponse {
  @ApiProperty({ format: 'date', example: '2026-05-02' }) on: string;
  @ApiProperty({ enum: ['payment', 'discount', 'credit_note', 'write_off', 'reversal'], example: 'payment' }) kind: string;
  @ApiProperty({ description: 'minor units', example: 50000 }) amount: number;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-000000002001' }) paymentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: null }) creditNoteId: string | null;
}

/** The claim against one invoice as of a date (amounts in minor units). */
export class InvoiceClaimResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ example: 'INV-2026-000123' }) number: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) dueDate: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) asOf: string;
  @ApiProperty({ enum: INTEREST_RULES, example: 'de_b2b' }) rule: string;
  @ApiProperty({ type: ClaimPrincipalResponse }) principal: ClaimPrincipalResponse;
  @ApiProperty({ type: [InterestPeriodResponse] }) periods: InterestPeriodResponse[];
  @ApiProperty({ example: 2386 }) interest: number;
  @ApiProperty({ type: [ClaimFeeResponse] }) fees: ClaimFeeResponse[];
  @ApiProperty({ example: 4000 }) feesTotal: number;
  @ApiProperty({ type: [ClaimAppliedResponse] }) applied: ClaimAppliedResponse[];
  @ApiProperty({ example: 0 }) interestCharged: number;
  @ApiProperty({ example: 0 }) feesCharged: number;
  @ApiProperty({ example: 0 }) interestWaived: number;
  @ApiProperty({ example: 0 }) feesWaived: number;
  @ApiProperty({ description: 'accrued less charged on interest invoices or waived', example: 2386 }) openInterest: number;
  @ApiProperty({ example: 4000 }) openFees: number;
  @ApiProperty({ description: 'outstanding principal + open interest + open fees', example: 75386 }) totalClaimable: number;
}

class ClientClaimTotalResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 69000 }) outstanding: number;
  @ApiProperty({ example: 2386 }) interest: number;
  @ApiProperty({ example: 4000 }) fees: number;
  @ApiProperty({ example: 75386 }) totalClaimable: number;
}

/** A client's late invoices (open, or paid late) as of a date, with totals per currency. */
export class ClientClaimResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ format: 'date', example: '2026-06-30' }) asOf: string;
  @ApiProperty({ type: [InvoiceClaimResponse] }) invoices: InvoiceClaimResponse[];
  @ApiProperty({ type: [ClientClaimTotalResponse] }) totals: ClientClaimTotalResponse[];
}
