import { Module } from '@nestjs/common';
import { ContractsDomainModule } from '@ar/contracts';
import { PlatformModule } from '@ar/http';
import { OutboxRelayModule } from '@ar/outbox';
import { ClientsController } from './clients/clients.controller';
import { ContractsController } from './contracts/contracts.controller';
import { UsersController } from './users/users.controller';

@Module({
  imports: [PlatformModule.forService('contracts'), OutboxRelayModule.forSchema('contracts'), ContractsDomainModule],
  controllers: [UsersController, ClientsController, ContractsController],
})
export class ContractsAppModule {}
