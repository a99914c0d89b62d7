import { ValidationError } from 'class-validator';
import { DomainError, FieldProblem } from './domain-error';

function flatten(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Turns class-validator results into a 400 problem listing each offending field. */
export function validationExceptionFactory(errors: ValidationError[]): DomainError {
  const problems = flatten(errors);
  const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ') || 'The request is invalid';
  return DomainError.validation(detail, problems);
}
