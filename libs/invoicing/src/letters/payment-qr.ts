import { formatMinor } from '@ar/money';

/** Who is paid: from configuration (SENDER_*), printed on every letter. */
export interface Payee {
  name: string;
  iban: string;
  bic: string;
  bankName: string;
  /** Russian correspondent account (корр. счёт), for the GOST QR code. */
  correspondentAccount?: string;
  /** Russian taxpayer number (ИНН), optional in the GOST QR code. */
  taxId?: string;
}

export interface QrPayment {
  /** Minor units. */
  amount: number;
  currency: string;
  /** The letter's RF reference. */
  reference: string;
  /** Free text, for the GOST code's Purpose. */
  purpose: string;
}

const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();

/**
 * The payload of an EPC QR code ("GiroCode", EPC069-12 version 002, UTF-8): a SEPA credit transfer with
 * the RF reference as structured remittance information. EUR only; at most 999,999,999.99.
 */
export function epcQrPayload(payee: Payee, payment: QrPayment): string {
  if (payment.currency !== 'EUR') throw new Error(`An EPC QR code carries EUR only, not ${payment.currency}`);
  if (payment.amount < 1 || payment.amount > 99_999_999_999) throw new Error('An EPC QR amount is between 0.01 and 999999999.99');
  return [
    'BCD',
    '002',
    '1',
    'SCT',
    payee.bic.replace(/\s+/g, ''),
    collapse(payee.name).slice(0, 70),
    payee.iban.replace(/\s+/g, '').toUpperCase(),
    `EUR${formatMinor(payment.amount, 'EUR')}`,
    '',
    payment.reference,
    '',
  ].join('\n');
}

/**
 * The payload of a Russian payment QR code (GOST R 56042-2014, UTF-8 `ST00012`): the five mandatory fields,
 * the sum in kopecks, and the RF reference in the purpose. A `|` inside a value would end the field: it is dropped.
 */
export function gostQrPayload(payee: Payee, payment: QrPayment): string {
  if (payment.currency !== 'RUB') throw new Error(`A GOST R 56042 QR code carries RUB only, not ${payment.currency}`);
  if (!payee.correspondentAccount) throw new Error('A GOST R 56042 QR code needs the correspondent account (SENDER_CORRESPONDENT_ACCOUNT)');
  const field = (name: string, value: string) => `${name}=${collapse(value).replace(/\|/g, ' ')}`;
  return [
    'ST00012',
    field('Name', payee.name),
    field('PersonalAcc', payee.iban.replace(/\s+/g, '')),
    field('BankName', payee.bankName),
    field('BIC', payee.bic),
    field('CorrespAcc', payee.correspondentAccount),
    field('Sum', String(payment.amount)),
    field('Purpose', `${payment.purpose} ${payment.reference}`),
    ...(payee.taxId ? [field('PayeeINN', payee.taxId)] : []),
  ].join('|');
}

/** The QR payload a letter prints for its currency, or null where no standard code exists. */
export function paymentQrPayload(payee: Payee, payment: QrPayment): string | null {
  if (payment.currency === 'EUR' && payment.amount >= 1 && payment.amount <= 99_999_999_999) return epcQrPayload(payee, payment);
  if (payment.currency === 'RUB' && payee.correspondentAccount) return gostQrPayload(payee, payment);
  return null;
}
