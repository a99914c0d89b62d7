import { ApiProperty } from '@nestjs/swagger';
import { DUNNING_ACTIONS, DunningPolicy, LETTER_CHANNELS } from '@ar/collections';

class DunningLevelResponse {
  @ApiProperty({ example: 1 }) level: number;
  @ApiProperty({ example: 3 }) minDaysOverdue: number;
  @ApiProperty({ enum: DUNNING_ACTIONS, example: 'reminder' }) action: string;
  @ApiProperty({ description: 'minor units, charged once when the level is reached', example: 500 }) feeAmount: number;
  @ApiProperty({ example: false }) blockClient: boolean;
  @ApiProperty({ enum: LETTER_CHANNELS, example: 'email', description: 'what the level sends the debtor besides the manager\'s task' }) letter: string;
  @ApiProperty({ example: 14, description: "days from the letter's date to its pay-by date" }) payWithinDays: number;
}

class MinimumAmountResponse {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ description: 'minor units', example: 5000 }) amount: number;
}

export class DunningPolicyResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-000000008001' }) id: string;
  @ApiProperty({ example: 'strict' }) name: string;
  @ApiProperty({ type: [DunningLevelResponse], description: 'by level' }) levels: DunningLevelResponse[];
  @ApiProperty({ type: [MinimumAmountResponse], description: "per currency, the client's overdue amount below which nothing is dunned" }) minimumAmounts: MinimumAmountResponse[];
  @ApiProperty({ nullable: true, type: Number, example: 3, description: 'days before the due date a courtesy reminder is e-mailed; null: none' }) courtesyDaysBeforeDue: number | null;
  @ApiProperty({ format: 'date-time', example: '2026-01-15T10:00:00.000Z' }) createdAt: string;
}

export function toPolicyResponse(policy: DunningPolicy): DunningPolicyResponse {
  return {
    id: policy.id,
    name: policy.name,
    levels: (policy.levels ?? [])
      .sort((a, b) => a.level - b.level)
      .map((l) => ({ level: l.level, minDaysOverdue: l.minDaysOverdue, action: l.action, feeAmount: l.feeAmount, blockClient: l.blockClient, letter: l.letter, payWithinDays: l.payWithinDays })),
    minimumAmounts: policy.minimumAmounts.map((m) => ({ currency: m.currency, amount: m.amount })),
    courtesyDaysBeforeDue: policy.courtesyDaysBeforeDue,
    createdAt: policy.createdAt.toISOString(),
  };
}
