import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DomainError, ErrorCode } from '@ar/errors';
import { Clock } from '@ar/time';
import { Integration } from './integration.entity';
import { SignatureHeaders, verifyStandardWebhook } from './verify-standard-webhook';
import { generateWebhookSecret } from './webhook-secret';

/** How long a rotated-out secret keeps verifying, so the finance system can switch over. */
export const ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;
/** Verified integrations are kept briefly in memory: the hot path of payment ingestion. */
const SECRET_CACHE_MS = 30_000;
/**
 * A failed signature re-reads the integration (a rotation on another replica) at most this often, and an
 * id this replica does not know re-reads the list of integration ids (one created on another replica) at most this often.
 */
const REREAD_AFTER_FAILURE_MS = 1_000;

interface CachedIntegration {
  integration: Integration;
  loadedAt: number;
}

function invalidSignature(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'The webhook signature is missing, invalid or too old');
}

@Injectable()
export class IntegrationsService {
  private readonly secrets = new Map<string, CachedIntegration>();
  private knownIds = new Set<string>();
  private knownIdsLoadedAt = Number.NEGATIVE_INFINITY;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Creates an integration; the only time its secret is returned. */
  async create(name: string): Promise<Integration> {
    const integration = Object.assign(new Integration(), {
      id: uuidv7(),
      name,
      secret: generateWebhookSecret(),
      previousSecret: null,
      previousSecretExpiresAt: null,
    });
    await this.dataSource.manager.insert(Integration, integration);
    this.knownIds.add(integration.id);
    return (await this.dataSource.manager.findOneBy(Integration, { id: integration.id })) as Integration;
  }

  list(): Promise<Integration[]> {
    return this.dataSource.manager.find(Integration, { order: { id: 'ASC' } });
  }

  async rotateSecret(id: string): Promise<Integration> {
    return this.dataSource.transaction(async (manager) => {
      const integration = await manager.findOne(Integration, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!integration) throw DomainError.notFound('Integration', id);
      integration.previousSecret = integration.secret;
      integration.previousSecretExpiresAt = new Date(this.clock.now().getTime() + ROTATION_GRACE_MS);
      integration.secret = generateWebhookSecret();
      this.secrets.delete(id);
      return manager.save(Integration, integration);
    });
  }

  /**
   * Verifies a Standard Webhooks signature over the raw body with the current secret, or the previous
   * one during its grace period. The library compares in constant time and enforces ±5 minutes.
   * Unknown integrations fail exactly like bad signatures, so ids cannot be probed.
   */
  async verify(integrationId: string, rawBody: Buffer, headers: SignatureHeaders): Promise<Integration> {
    const cached = this.secrets.get(integrationId);
    if (cached) {
      const age = this.clock.now().getTime() - cached.loadedAt;
      if (age < SECRET_CACHE_MS && this.verifyWith(cached.integration, rawBody, headers)) return cached.integration;
      // A cached secret that fails is re-read, so that a rotation elsewhere is seen within a second, but
      // not on every failure: a flood of badly signed requests must not become a flood of queries.
      if (age < REREAD_AFTER_FAILURE_MS) throw invalidSignature();
    } else if (!(await this.isKnown(integrationId))) {
      throw invalidSignature();
    }
    const integration = await this.dataSource.manager.findOneBy(Integration, { id: integrationId });
    if (integration) this.secrets.set(integrationId, { integration, loadedAt: this.clock.now().getTime() });
    if (!integration || !this.verifyWith(integration, rawBody, headers)) throw invalidSignature();
    return integration;
  }

  /**
   * Whether an integration with this id exists, from the list of ids, re-read at most once a second: the
   * inbound route is not rate-limited, so requests for made-up ids must not each cost a query.
   */
  private async isKnown(integrationId: string): Promise<boolean> {
    if (this.knownIds.has(integrationId)) return true;
    if (this.clock.now().getTime() - this.knownIdsLoadedAt < REREAD_AFTER_FAILURE_MS) return false;
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM invoicing.integrations');
    this.knownIds = new Set(rows.map((r) => r.id));
    this.knownIdsLoadedAt = this.clock.now().getTime();
    return this.knownIds.has(integrationId);
  }

  private verifyWith(integration: Integration, rawBody: Buffer, headers: SignatureHeaders): boolean {
    const secrets = [integration.secret];
    if (integration.previousSecret && integration.previousSecretExpiresAt && integration.previousSecretExpiresAt > this.clock.now()) {
      secrets.push(integration.previousSecret);
    }
    return verifyStandardWebhook(secrets, rawBody, headers);
  }
}
