import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OutboxModule } from '@ar/outbox';
import { ClientRepository } from './clients/client.repository';
import { ClientsService } from './clients/clients.service';
import { ContractRepository } from './contracts/contract.repository';
import { ContractRenewalsService } from './contracts/contract-renewals.service';
import { ContractsService } from './contracts/contracts.service';
import { CONTRACTS_ENTITIES } from './contracts-persistence';
import { UserRepository } from './users/user.repository';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature(CONTRACTS_ENTITIES), OutboxModule],
  providers: [UserRepository, UsersService, ClientRepository, ClientsService, ContractRepository, ContractsService, ContractRenewalsService],
  exports: [UsersService, ClientsService, ContractsService, ContractRenewalsService],
})
export class ContractsDomainModule {}
