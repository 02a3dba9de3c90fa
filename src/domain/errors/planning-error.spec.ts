import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CodeOfKind, ErrorCode, KindOf } from './error-codes.js';
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  PayloadTooLargeError,
  PlanningError,
  planningErrorFromPayload,
  planningErrorPayload,
  UnavailableError,
  ValidationFailedError,
} from './planning-error.js';

describe('PlanningError', () => {
  it('takes only codes of its kind, so the kind (and the status) follows from the code — checked by tsc (npm run check)', () => {
    // @ts-expect-error INSTANCE_TYPE_NOT_FOUND is a NOT_FOUND code, not an INVALID_INPUT one
    const notFoundAsInvalid = new InvalidInputError('INSTANCE_TYPE_NOT_FOUND', 'm');
    // @ts-expect-error INVALID_LAUNCHER is an INVALID_INPUT code
    const invalidAsNotFound = new NotFoundError('INVALID_LAUNCHER', 'm');
    // @ts-expect-error a code no registry lists
    const unregistered = new InvalidInputError('SOMETHING_WENT_WRONG', 'm');
    // @ts-expect-error MANIFESTS_TOO_LARGE is a PAYLOAD_TOO_LARGE code
    const tooLargeAsConflict = new ConflictError('MANIFESTS_TOO_LARGE', 'm');
    // What tsc refuses still runs: the class alone decides the kind at run time, which is why tsc must refuse it.
    expect([notFoundAsInvalid, invalidAsNotFound, unregistered, tooLargeAsConflict].map((error) => error.kind)).toEqual([
      'INVALID_INPUT',
      'NOT_FOUND',
      'INVALID_INPUT',
      'CONFLICT',
    ]);

    expectTypeOf<KindOf<'INSTANCE_TYPE_NOT_FOUND'>>().toEqualTypeOf<'NOT_FOUND'>();
    expectTypeOf<KindOf<'MANIFESTS_TOO_LARGE'>>().toEqualTypeOf<'PAYLOAD_TOO_LARGE'>();
    expectTypeOf<'INVALID_LAUNCHER'>().toExtend<CodeOfKind<'INVALID_INPUT'>>();
    expectTypeOf<'INVALID_LAUNCHER'>().not.toExtend<CodeOfKind<'NOT_FOUND'>>();
    expectTypeOf<'SOMETHING_WENT_WRONG'>().not.toExtend<ErrorCode>();
    expectTypeOf(new NotFoundError('INSTANCE_TYPE_NOT_FOUND', 'm').kind).toEqualTypeOf<'NOT_FOUND'>();
    expectTypeOf(new InvalidInputError('INVALID_LAUNCHER', 'm').code).toEqualTypeOf<CodeOfKind<'INVALID_INPUT'>>();
  });

  it('carries its kind, code, message and details, named after its class', () => {
    const error = new PayloadTooLargeError('MANIFESTS_TOO_LARGE', 'too big', [{ path: 'manifests', message: '2 MB' }]);

    expect(error).toBeInstanceOf(PlanningError);
    expect(error).toMatchObject({
      name: 'PayloadTooLargeError',
      kind: 'PAYLOAD_TOO_LARGE',
      code: 'MANIFESTS_TOO_LARGE',
      message: 'too big',
    });
    expect(error.details).toEqual([{ path: 'manifests', message: '2 MB' }]);
    expect(new ValidationFailedError([{ path: 'a', message: 'bad' }])).toMatchObject({ code: 'VALIDATION_FAILED', message: 'a: bad' });
  });

  it('is told again with other details and message, keeping its class, kind, code and stack', () => {
    const error = new ValidationFailedError([{ path: 'cidr', message: 'bad', code: 'CIDR_INVALID' }]);

    const moved = error.withDetails([{ path: 'design.cidr', message: 'bad', code: 'CIDR_INVALID' }], 'design.cidr: bad');

    expect(moved).toBeInstanceOf(ValidationFailedError);
    expect(moved).toMatchObject({
      name: 'ValidationFailedError',
      kind: 'INVALID_INPUT',
      code: 'VALIDATION_FAILED',
      message: 'design.cidr: bad',
    });
    expect(moved.details).toEqual([{ path: 'design.cidr', message: 'bad', code: 'CIDR_INVALID' }]);
    expect(moved.stack).toBe(error.stack);
    expect(error).toMatchObject({ message: 'cidr: bad', details: [{ path: 'cidr', message: 'bad', code: 'CIDR_INVALID' }] });
    expect(error.withDetails([]).message).toBe('cidr: bad');
  });
});

describe('planningErrorPayload / planningErrorFromPayload (the compute pool’s thread boundary)', () => {
  const errors: PlanningError[] = [
    new ValidationFailedError([
      { path: 'subnets[2].cidr', message: 'not a CIDR', code: 'CIDR_INVALID' },
      { path: 'name', message: 'empty' },
    ]),
    new ValidationFailedError([{ path: '', message: 'bad' }], 'a message of its own'),
    new InvalidInputError('MALFORMED_YAML', 'not YAML', [{ path: 'line 3', message: 'bad indent' }]),
    new NotFoundError('INSTANCE_TYPE_NOT_FOUND', 'Instance type "x" is not in catalog "aws".'),
    new PayloadTooLargeError('MANIFESTS_TOO_LARGE', 'too big', [{ path: 'manifests', message: '5 MB' }]),
    new ConflictError('CATALOG_IN_USE', 'used'),
    new UnavailableError('COMPUTE_UNAVAILABLE', 'try again'),
  ];

  it.each(errors.map((error) => [`${error.name} ${error.code}`, error] as const))(
    '%s comes back as the same class, kind, code, message and details after a structured clone',
    (_label, error) => {
      const rebuilt = planningErrorFromPayload(structuredClone(planningErrorPayload(error)));

      expect(rebuilt).toBeInstanceOf(error.constructor);
      expect(rebuilt?.constructor).toBe(error.constructor);
      expect(rebuilt).toMatchObject({ name: error.name, kind: error.kind, code: error.code, message: error.message });
      expect(rebuilt?.details).toEqual(error.details);
      expect(rebuilt?.stack).toBe(error.stack);
    },
  );

  it('rebuilds a subclass it does not know as the class of its kind, and a kind without a class not at all', () => {
    class RevisionLikeError extends ConflictError {}
    const subclass = planningErrorFromPayload(planningErrorPayload(new RevisionLikeError('CONFLICT', 'x')));
    expect(subclass?.constructor).toBe(ConflictError);
    expect(subclass).toMatchObject({ kind: 'CONFLICT', code: 'CONFLICT', message: 'x' });

    expect(planningErrorFromPayload({ name: 'X', kind: 'RATE_LIMITED', code: 'RATE_LIMITED', message: 'm', details: [] })).toBeUndefined();
  });
});
