import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role, ROLES } from '@ar/auth';
import { IsCalendarDate } from '@ar/http';

export class CreateUserDto {
  @ApiProperty({ example: 'Anna Schmidt' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'anna.schmidt@example.com' })
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  deputyId?: string | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-12-24', nullable: true })
  @IsOptional()
  @IsCalendarDate()
  absentUntil?: string | null;
}
