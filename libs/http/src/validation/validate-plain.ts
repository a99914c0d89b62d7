import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationExceptionFactory } from '@ar/errors';

/** Validates a body parsed by hand (e.g. after a signature check) exactly as the global pipe would. */
export async function validatePlain<T extends object>(type: ClassConstructor<T>, value: unknown): Promise<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw validationExceptionFactory([]);
  }
  const instance = plainToInstance(type, value);
  const errors = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw validationExceptionFactory(errors);
  return instance;
}
