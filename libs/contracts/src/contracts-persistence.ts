import { Client } from './clients/client.entity';
import { Contract } from './contracts/contract.entity';
import { ContractRenewal } from './contracts/contract-renewal.entity';
import { CreateContractsSchema1764216100000 } from './migrations/1764216100000-CreateContractsSchema';
import { ScopeClientExternalIds1764500000000 } from './migrations/1764500000000-ScopeClientExternalIds';
import { AddClientCorrespondence1765100000000 } from './migrations/1765100000000-AddClientCorrespondence';
import { AddContractRenewalsAndVolumeDiscounts1765300000000 } from './migrations/1765300000000-AddContractRenewalsAndVolumeDiscounts';
import { User } from './users/user.entity';

export const CONTRACTS_ENTITIES = [User, Client, Contract, ContractRenewal];
export const CONTRACTS_MIGRATIONS = [
  CreateContractsSchema1764216100000, ScopeClientExternalIds1764500000000, AddClientCorrespondence1765100000000,
  AddContractRenewalsAndVolumeDiscounts1765300000000,
];
