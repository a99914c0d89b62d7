import { Module } from '@nestjs/common';
import { PlatformModule } from '@ar/http';

@Module({
  imports: [PlatformModule.forService('collections')],
})
export class CollectionsAppModule {}
