import { CreateIdempotencyKeys1764216000000 } from './migrations/1764216000000-CreateIdempotencyKeys';

export const PLATFORM_MIGRATIONS = [CreateIdempotencyKeys1764216000000];
