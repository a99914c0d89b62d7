import { applyDecorators } from '@nestjs/common';
import { IsInt, Max, Min, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isCurrency, MAX_AMOUNT } from '@ar/money';
import { isCalendarDate } from '@ar/time';

/** A YYYY-MM-DD date that exists on the calendar (2026-02-30 is rejected). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date in YYYY-MM-DD form`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
}

/** An active ISO 4217 code in upper case, from the money library's exponent table. */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isCurrencyCode',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an ISO 4217 currency code such as EUR`, ...options },
      validator: { validate: (value: unknown) => isCurrency(value) },
    });
}

/** Optional, but when present must not be null (for fields that cannot be cleared). */
export function IsOptionalNonNull(): PropertyDecorator {
  return ValidateIf((_: object, value: unknown) => value !== undefined);
}

/** An integer amount in minor units from 0 (or `min`) up to the money library's MAX_AMOUNT. */
export function IsMoneyAmount(min = 0): PropertyDecorator {
  return applyDecorators(IsInt(), Min(min), Max(MAX_AMOUNT, { message: ({ property }) => `${property} must not be above ${MAX_AMOUNT} minor units` }));
}
