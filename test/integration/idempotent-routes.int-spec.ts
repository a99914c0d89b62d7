import { RequestMethod, Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, MODULE_METADATA } from '@nestjs/common/constants';
import { CollectionsAppModule } from '../../apps/collections/src/collections-app.module';
import { QueueSessionController } from '../../apps/collections/src/queue-board/queue-session.controller';
import { ContractsAppModule } from '../../apps/contracts/src/contracts-app.module';
import { InboundWebhooksController } from '../../apps/invoicing/src/inbound-webhooks/inbound-webhooks.controller';
import { InvoicingAppModule } from '../../apps/invoicing/src/invoicing-app.module';
import { IdempotencyInterceptor } from '@ar/http';

/** Idempotency-Key is honoured per controller (see `Idempotent`), so no POST route may go without it. */
describe('Idempotency-Key on every POST route', () => {
  // Signed webhooks are deduplicated by their webhook id instead; a dashboard session writes nothing (it only sets a cookie).
  const exempt = new Set<Type<unknown>>([InboundWebhooksController, QueueSessionController]);

  const controllers = [ContractsAppModule, InvoicingAppModule, CollectionsAppModule].flatMap(
    (module) => (Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type<unknown>[],
  );
  const hasPost = (controller: Type<unknown>) =>
    Object.getOwnPropertyNames(controller.prototype).some(
      (name) => Reflect.getMetadata(METHOD_METADATA, (controller.prototype as Record<string, unknown>)[name] as object) === RequestMethod.POST,
    );

  it('finds the controllers with POST routes', () => {
    expect(controllers.filter(hasPost).length).toBeGreaterThanOrEqual(12);
  });

  it.each(controllers.filter((c) => hasPost(c) && !exempt.has(c)).map((c) => [c.name, c] as const))('%s', (_, controller) => {
    expect(Reflect.getMetadata(INTERCEPTORS_METADATA, controller)).toContain(IdempotencyInterceptor);
  });
});
