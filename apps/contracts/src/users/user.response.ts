import { ApiProperty } from '@nestjs/swagger';
import { User } from '@ar/contracts';

export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty() role: string;
  @ApiProperty({ nullable: true, type: String }) deputyId: string | null;
  @ApiProperty({ nullable: true, type: String }) absentUntil: string | null;
  @ApiProperty() createdAt: string;
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
