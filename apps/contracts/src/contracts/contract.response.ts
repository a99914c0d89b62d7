import { ApiProperty } from '@nestjs/swagger';
import { Contract, CONTRACT_STATUSES, ContractRenewal } from '@ar/contracts';
import { CashDiscountDto, LateInterestDto, VolumeDiscountDto } from './dto/create-contract.dto';

export class ContractResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000c01' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'C-2026-001' }) number: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ example: 30 }) paymentTermDays: number;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) startsOn: string;
  @ApiProperty({ nullable: true, type: String }) endsOn: string | null;
  @ApiProperty() autoRenew: boolean;
  @ApiProperty({ nullable: true, type: String }) dunningPolicyId: string | null;
  @ApiProperty({ type: LateInterestDto }) lateInterest: { rule: string; annualRatePercent: number | null };
  @ApiProperty({ type: CashDiscountDto, nullable: true }) cashDiscount: { percent: number; days: number } | null;
  @ApiProperty({ example: 12 }) renewalTermMonths: number;
  @ApiProperty({ example: 60 }) renewalNoticeDays: number;
  @ApiProperty({ type: VolumeDiscountDto, nullable: true }) volumeDiscount: VolumeDiscountDto | null;
  @ApiProperty({ enum: CONTRACT_STATUSES }) status: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) createdAt: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) updatedAt: string;
}

export function toContractResponse(contract: Contract): ContractResponse {
  return {
    id: contract.id,
    clientId: contract.clientId,
    number: contract.number,
    currency: contract.currency,
    paymentTermDays: contract.paymentTermDays,
    startsOn: contract.startsOn,
    endsOn: contract.endsOn,
    autoRenew: contract.autoRenew,
    dunningPolicyId: contract.dunningPolicyId,
    lateInterest: { rule: contract.lateInterestRule, annualRatePercent: contract.lateInterestRatePercent },
    cashDiscount:
      contract.cashDiscountPercent === null || contract.cashDiscountDays === null
        ? null
        : { percent: contract.cashDiscountPercent, days: contract.cashDiscountDays },
    renewalTermMonths: contract.renewalTermMonths,
    renewalNoticeDays: contract.renewalNoticeDays,
    volumeDiscount: contract.volumeDiscount,
    status: contract.status,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
  };
}

export class ContractRenewalResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000e001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000c01' }) contractId: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) previousEndsOn: string;
  @ApiProperty({ format: 'date', example: '2027-12-31' }) endsOn: string;
  @ApiProperty({ description: 'true when the contract renewed itself on its end date', example: true }) automatic: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null }) renewedBy: string | null;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) renewedOn: string;
}

export class ContractRenewalListResponse {
  @ApiProperty({ type: [ContractRenewalResponse] }) data: ContractRenewalResponse[];
}

export function toContractRenewalResponse(r: ContractRenewal): ContractRenewalResponse {
  return { id: r.id, contractId: r.contractId, previousEndsOn: r.previousEndsOn, endsOn: r.endsOn, automatic: r.automatic, renewedBy: r.renewedBy, renewedOn: r.renewedOn };
}

export class ContractRenewalRunResponse {
  @ApiProperty({ format: 'date', example: '2026-12-31' }) asOf: string;
  @ApiProperty({ description: 'renewals made (a contract far past its end renews once per missed term)', example: 3 }) renewed: number;
  @ApiProperty({ example: 1 }) expired: number;
  @ApiProperty({ description: 'renewal notices given (contract_renewal tasks follow)', example: 5 }) renewalsDue: number;
}
