/** An exact amount: integer minor units of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

