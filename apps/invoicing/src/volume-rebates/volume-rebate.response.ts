import { ApiProperty } from '@nestjs/swagger';
import { VolumeRebate } from '@ar/invoicing';

export class VolumeRebateResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-00000000f001' }) id: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000c01' }) contractId: string;
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000000001' }) clientId: string;
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ format: 'date', example: '2026-01-01' }) periodFrom: string;
  @ApiProperty({ format: 'date', example: '2026-12-31' }) periodTo: string;
  @ApiProperty({ description: 'net invoiced in the period before volume discounts, minor units', example: 1700000 }) volume: number;
  @ApiProperty({ description: "the tiers' discount on that volume (net), minor units", example: 14000 }) rebateNet: number;
  @ApiProperty({ description: "with the period's tax: what is credited, minor units", example: 16660 }) rebate: number;
  @ApiProperty({ description: 'credited on open invoices, minor units', example: 16660 }) credited: number;
  @ApiProperty({ description: 'owed to the client: no open invoice could take it, minor units', example: 0 }) remaining: number;
  @ApiProperty({ type: [String], format: 'uuid', example: ['0190a000-0000-7000-8000-00000000f101'] }) creditNoteIds: string[];
  @ApiProperty({ format: 'date', example: '2027-01-02' }) settledOn: string;
}

export class VolumeRebateListResponse {
  @ApiProperty({ type: [VolumeRebateResponse] }) data: VolumeRebateResponse[];
}

export class VolumeRebateRunResponse {
  @ApiProperty({ format: 'date', example: '2027-01-02' }) asOf: string;
  @ApiProperty({ description: 'contracts whose closed period was settled now', example: 2 }) settled: number;
}

export const toVolumeRebateResponse = (r: VolumeRebate): VolumeRebateResponse => ({
  id: r.id, contractId: r.contractId, clientId: r.clientId, currency: r.currency, periodFrom: r.periodFrom, periodTo: r.periodTo, volume: r.volume,
  rebateNet: r.rebateNet, rebate: r.rebate, credited: r.credited, remaining: r.remaining, creditNoteIds: r.creditNoteIds, settledOn: r.settledOn,
});
