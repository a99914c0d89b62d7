import { Module } from '@nestjs/common';
import { PlatformModule } from '@ar/http';

@Module({
  imports: [PlatformModule.forService('invoicing')],
})
export class InvoicingAppModule {}
