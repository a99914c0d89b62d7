/** The events a finance system may push, after signature check and body validation. */
export type InboundEvent =
  | {
      type: 'payment.received';
      data: {
        externalId: string;
        clientId: string;
        amount: number;
        currency: string;
        receivedOn: string;
        reference?: string;
        invoiceId?: string;
      };
    }
  | { type: 'payment.reversed'; data: { externalId: string } };

export type InboundOutcome = 'applied' | 'duplicate' | 'reversed' | 'already_reversed';
