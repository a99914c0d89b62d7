import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@ar/errors';

/** A path id that is not a uuid cannot name anything: answer 404 like any unknown id. */
export const UuidParam = new ParseUUIDPipe({ exceptionFactory: () => DomainError.notFound('Resource') });
