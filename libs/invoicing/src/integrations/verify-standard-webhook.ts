import { Webhook, WebhookVerificationError } from 'standardwebhooks';

export interface SignatureHeaders {
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

/**
 * True when any of the secrets verifies the Standard Webhooks signature over the exact body bytes.
 * The library compares in constant time, accepts several space-separated signatures and rejects
 * timestamps more than 5 minutes from now in either direction.
 */
export function verifyStandardWebhook(secrets: string[], rawBody: Buffer, headers: SignatureHeaders): boolean {
  const signed = {
    'webhook-id': headers['webhook-id'] ?? '',
    'webhook-timestamp': headers['webhook-timestamp'] ?? '',
    'webhook-signature': headers['webhook-signature'] ?? '',
  };
  if (!signed['webhook-id'] || !signed['webhook-timestamp'] || !signed['webhook-signature']) return false;
  for (const secret of secrets) {
    try {
      new Webhook(secret).verify(rawBody, signed, { jsonParse: false });
      return true;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
    }
  }
  return false;
}
