import { TSchema, Type } from '@sinclair/typebox';

/** Field types every event shares, so that "an amount" or "a date" means the same in each schema. */
export const Uuid = Type.String({ format: 'uuid' });
export const CalendarDate = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
export const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
export const MinorUnits = Type.Integer({ description: 'An amount in minor units of the currency (cents)' });
export const RiskClass = Type.Union([Type.Literal('A'), Type.Literal('B'), Type.Literal('C'), Type.Literal('D')]);
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const CreditLimit = Type.Object({ amount: MinorUnits, currency: Currency }, { additionalProperties: false });

/** An event data object: every field listed, nothing else. */
export const Data = <T extends Parameters<typeof Type.Object>[0]>(properties: T) => Type.Object(properties, { additionalProperties: false });
