import { Role } from './role';

/** The authenticated caller, from the bearer token's `sub` and `role` claims. */
export interface Principal {
  userId: string;
  role: Role;
}
