import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsOptional, IsString, Length, ValidateNested } from 'class-validator';

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

/** A client's billing contacts (at most five); `optional` says whether the field may be left out, or also be null. */
export function BillingContactsField(optional: PropertyDecorator): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: [BillingContactDto], description: 'who receives letters by e-mail, the first one first; admin, head_of_sales and finance only' }),
    optional,
    IsArray(),
    ArrayMaxSize(5),
    ValidateNested({ each: true }),
    Type(() => BillingContactDto),
  );
}

/** A client's postal address, or null for none. */
export function PostalAddressField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: PostalAddressDto, nullable: true, description: "where posted letters go (the country is the client's)" }),
    IsOptional(),
    ValidateNested(),
    Type(() => PostalAddressDto),
  );
}
