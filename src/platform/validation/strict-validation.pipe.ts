import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { type ErrorDetail, ValidationFailedError } from '../../domain/errors/planning-error.js';
import { cacheValidationMetadata } from './validation-metadata.cache.js';

/**
 * Global DTO validation: whitelist + forbid unknown fields + transform, and every problem reported at once as
 * `VALIDATION_FAILED` with its path (same shape as DesignSpec validation).
 */
export function strictValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new MemoizingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    // Every rule of a field runs and the answer names the one that matters (firstRelevantConstraint): with
    // stopAtFirstError the first rule declared won, so `limit=abc` answered "must not be greater than 500".
    stopAtFirstError: false,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(flattenValidationErrors(errors)),
  });
}

/** Inputs of at most this many characters (as JSON) are remembered once they have passed. */
const MEMO_MAX_INPUT_CHARS = 2048;
const MEMO_MAX_ENTRIES = 5000;

/**
 * Validation is a pure function of the transformed input and its class, and the same small inputs come again and
 * again (a portal asking max pods for the same instance types): an input that passed is remembered per class and not
 * validated twice. Only passes are remembered, and only for small inputs; a new instance is still built every time.
 */
class MemoizingValidationPipe extends ValidationPipe {
  private readonly passed = new Map<unknown, Set<string>>();

  protected override validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    const key = JSON.stringify(object);
    const known = this.passed.get(object.constructor);
    if (key !== undefined && key.length <= MEMO_MAX_INPUT_CHARS && known?.has(key)) return [];
    const result = super.validate(object, validatorOptions);
    const remember = (errors: ValidationError[]) => {
      if (errors.length === 0 && key !== undefined && key.length <= MEMO_MAX_INPUT_CHARS) {
        let set = this.passed.get(object.constructor);
        if (!set) this.passed.set(object.constructor, (set = new Set()));
        if (set.size >= MEMO_MAX_ENTRIES) set.clear();
        set.add(key);
      }
      return errors;
    };
    return result instanceof Promise ? result.then(remember) : remember(result);
  }
}

/**
 * Rules about what a value is, before rules about how big or what shape: a value of the wrong type answers its type
 * error ("limit must be an integer number"), not the range or pattern it cannot meet either.
 */
const TYPE_RULES = ['whitelistValidation', 'isDefined', 'isInt', 'isNumber', 'isBoolean', 'isString', 'isArray', 'isObject'];

/** One problem per field, as stopAtFirstError gave: the type rule when one failed, else the first rule that failed. */
function firstRelevantConstraint(constraints: Record<string, string>): [string, string][] {
  const entries = Object.entries(constraints);
  const typeRule = entries.find(([rule]) => TYPE_RULES.includes(rule));
  return typeRule ? [typeRule] : entries.slice(0, 1);
}

export function flattenValidationErrors(errors: readonly ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = joinPath(parent, error.property);
    const own = firstRelevantConstraint(error.constraints ?? {}).map(([rule, message]) => ({
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
