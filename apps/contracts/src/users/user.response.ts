import { ApiProperty } from '@nestjs/swagger';
import { User } from '@ar/contracts';

export class UserResponse {
  @ApiProperty({ format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a1' }) id: string;
  @ApiProperty({ example: 'Anna Berger' }) name: string;
  @ApiProperty({ example: 'anna.berger@example.com' }) email: string;
  @ApiProperty({ enum: ['admin', 'finance', 'head_of_sales', 'account_manager'], example: 'account_manager' }) role: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', example: '0190a000-0000-7000-8000-0000000000a2' }) deputyId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: null }) absentUntil: string | null;
  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:15:00.000Z' }) createdAt: string;
}

export function toUserResponse(user: User): UserResponse {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    deputyId: user.deputyId,
    absentUntil: user.absentUntil,
    createdAt: user.createdAt.toISOString(),
  };
}
