import { ApiProperty } from '@nestjs/swagger';

class AppliedCreditResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'minor units', example: 19000 }) amount: number;
}

class CreditAllocationResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000002001' }) paymentId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000001001' }) invoiceId: string;
  @ApiProperty({ description: 'minor units', example: 19000 }) amount: number;
}

export class ApplyCreditResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ type: [AppliedCreditResponse], description: 'per currency; empty when there was no credit or nothing open' }) applied: AppliedCreditResponse[];
  @ApiProperty({ type: [CreditAllocationResponse] }) allocations: CreditAllocationResponse[];
}
