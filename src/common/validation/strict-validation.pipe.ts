import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type ErrorDetail, ValidationFailedError } from '../errors/planning-error.js';
import { cacheValidationMetadata } from './validation-metadata.cache.js';

/**
 * Global DTO validation: whitelist + forbid unknown fields + transform, and every problem reported at once as
 * `VALIDATION_FAILED` with its path (same shape as DesignSpec validation).
 */
export function strictValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({
      path,
      message: rule === 'whitelistValidation' ? `${error.property} is not a known field` : message,
      code: rule === 'whitelistValidation' ? 'UNKNOWN_FIELD' : 'INVALID_VALUE',
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}
