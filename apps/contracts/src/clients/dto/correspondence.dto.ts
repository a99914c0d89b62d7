import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length } from 'class-validator';

export const LETTER_LANGUAGES = ['de', 'en', 'ru'] as const;

export class BillingContactDto {
  @ApiProperty({ example: 'Erika Mustermann' })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'buchhaltung@muster.example', format: 'email' })
  @IsEmail({ require_tld: false })
  @Length(3, 254)
  email: string;

  @ApiPropertyOptional({ type: String, enum: LETTER_LANGUAGES, nullable: true, description: "this contact's letters in this language instead of the client's" })
  @IsOptional()
  @IsIn(LETTER_LANGUAGES)
  language?: string | null;
}

export class PostalAddressDto {
  @ApiProperty({ example: 'Hafenstraße 12' })
  @IsString()
  @Length(1, 200)
  street: string;

  @ApiProperty({ example: '20457' })
  @IsString()
  @Length(1, 16)
  postalCode: string;

  @ApiProperty({ example: 'Hamburg' })
  @IsString()
  @Length(1, 100)
  city: string;
}
