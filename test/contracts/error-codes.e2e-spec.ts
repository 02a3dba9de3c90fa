/**
 * Every error code the service can answer is registered once with its kind (src/app/error-codes.ts), answers its
 * kind's status on REST and GraphQL, and is listed in the README's error table, which `npm run contracts` rewrites.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { HttpException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import fc from 'fast-check';
import { GraphQLError } from 'graphql';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SERVICE_ERROR_REGISTRIES } from '../../src/app/error-codes.js';
import { CLI_ERROR_CODES } from '../../src/cli/cli-errors.js';
import {
  type CodesInTwoRegistries,
  ERROR_KINDS,
  type ErrorCode,
  type ErrorCodeRegistry,
  type ErrorKind,
  HTTP_STATUS_BY_KIND,
} from '../../src/domain/errors/error-codes.js';
import { PlanningError } from '../../src/domain/errors/planning-error.js';
import { classifyError } from '../../src/platform/errors/error-classification.js';
import { formatGraphQLError, REQUEST_LEVEL_STATUSES, toGraphQLError } from '../../src/platform/errors/graphql-error.formatter.js';
import { KIND_OF_GRAPHQL_CODE } from '../../src/platform/errors/graphql-errors.js';

const UPDATE = process.env.UPDATE_CONTRACTS === '1';
const README = 'README.md';
const TABLE_START = '<!-- error-codes:start (generated from the registries by `npm run contracts`) -->';
const TABLE_END = '<!-- error-codes:end -->';

/** The statuses of docs/api.md, written out here so that a change to HTTP_STATUS_BY_KIND is a visible decision. */
const CONTRACT_STATUS: Record<ErrorKind, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  HEADERS_TOO_LARGE: 431,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

interface Registered {
  registry: string;
  code: ErrorCode;
  kind: ErrorKind;
}

const service: Registered[] = Object.entries(SERVICE_ERROR_REGISTRIES).flatMap(([registry, codes]: [string, ErrorCodeRegistry]) =>
  Object.entries(codes).map(([code, kind]) => ({ registry, code: code as ErrorCode, kind })),
);
const kindOf = new Map(service.map(({ code, kind }) => [code as string, kind]));

/** Any registered code with its registered kind, as the engines' error classes build them. */
class RegisteredError extends PlanningError {}

function errorTable(): string {
  const rows = Object.entries(SERVICE_ERROR_REGISTRIES).flatMap(([registry, codes]: [string, ErrorCodeRegistry]) =>
    ERROR_KINDS.flatMap((kind) => {
      const ofKind = Object.keys(codes).filter((code) => codes[code] === kind);
      return ofKind.length === 0
        ? []
        : [`| ${registry} | ${HTTP_STATUS_BY_KIND[kind]} | ${ofKind.map((code) => `\`${code}\``).join(' ')} |`];
    }),
  );
  return ['| Registry | Status | Codes |', '| --- | --- | --- |', ...rows].join('\n');
}

function cliList(): string {
  const own = Object.keys(CLI_ERROR_CODES).map((code) => `\`${code}\``);
  return `CLI only (src/cli/cli-errors.ts): ${own.join(' ')}, and \`HTTP_<status>\` for a server answer that is not the API's error body.`;
}

describe('error codes', () => {
  it('keep the statuses of the API contract, one status per kind', () => {
    expect(HTTP_STATUS_BY_KIND).toEqual(CONTRACT_STATUS);
    expect(new Set(Object.values(HTTP_STATUS_BY_KIND)).size).toBe(ERROR_KINDS.length);
  });

  it('are UPPER_SNAKE, registered once across the service and the CLI, each with a known kind', () => {
    const all = [...service, ...Object.entries(CLI_ERROR_CODES).map(([code, kind]) => ({ registry: 'cli', code, kind }))];
    for (const { code, kind } of all) {
      expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
      expect(ERROR_KINDS).toContain(kind);
    }
    const registeredTwice = all.filter(({ code }, index) => all.findIndex((other) => other.code === code) !== index);
    expect(registeredTwice).toEqual([]);
    // The same rule at compile time: a code in two registries turns this type from never into that code.
    expectTypeOf<CodesInTwoRegistries>().toBeNever();
  });

  it('answer the status of their kind on REST and the same code and status on GraphQL, every one of them', () => {
    expect(service.length).toBeGreaterThan(100);
    for (const { code, kind } of service) {
      const error = new RegisteredError(kind, code, `${code} happened`, [{ path: 'x', message: 'why' }]);
      const rest = classifyError(error);
      expect(rest, code).toMatchObject({ code, kind, status: CONTRACT_STATUS[kind], internal: kind === 'INTERNAL' });
      const graphql = toGraphQLError(error).extensions;
      expect(graphql, code).toMatchObject({ code, status: CONTRACT_STATUS[kind] });
      if (kind === 'INTERNAL') expect(rest.message).toBe('Internal server error.');
      else expect(graphql.details, code).toEqual([{ path: 'x', message: 'why' }]);
    }
  });

  it('are what the platform answers for framework, storage and unknown errors, with their registered status', () => {
    const answers = (error: unknown): void => {
      const classified = classifyError(error);
      expect(kindOf.get(classified.code), classified.code).toBe(classified.kind);
      expect(classified.status).toBe(CONTRACT_STATUS[classified.kind]);
    };
    const prisma = (code: string) => Object.assign(new Error('prisma'), { code });
    for (const error of [
      prisma('P2002'),
      prisma('P2003'),
      prisma('P2025'),
      { name: 'DriverAdapterError', cause: { originalCode: '22P02' } },
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new ThrottlerException(),
      Object.assign(new Error('too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }),
      Object.assign(new Error('bad json'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' }),
      Object.assign(new Error('empty'), { statusCode: 400, code: 'FST_ERR_CTP_EMPTY_JSON_BODY' }),
      new Error('a bug'),
      'a thrown string',
    ]) {
      answers(error);
    }
    expect(classifyError(prisma('P2002')).code).toBe('CONFLICT');
    expect(classifyError(Object.assign(new Error('bad json'), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' })).code).toBe(
      'MALFORMED_REQUEST',
    );
    const mediaType = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(classifyError(mediaType)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415 });
    expect(classifyError(new ThrottlerException())).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
    expect(classifyError(new Error('a bug'))).toMatchObject({ code: 'INTERNAL', status: 500, message: 'Internal server error.' });

    fc.assert(
      fc.property(fc.integer({ min: 400, max: 599 }), (status) => {
        answers(new HttpException('refused', status));
        answers(Object.assign(new Error('refused'), { statusCode: status }));
        const kind = classifyError(new HttpException('refused', status)).kind;
        expect(kind === 'INTERNAL' || kind === 'UNAVAILABLE').toBe(status >= 500);
      }),
      { seed: 1207 },
    );
  });

  it("give Apollo's own codes the status of their kind on GraphQL, and graphql-js's request errors BAD_USER_INPUT", () => {
    for (const [code, kind] of Object.entries(KIND_OF_GRAPHQL_CODE)) {
      expect(kindOf.get(code), code).toBe(kind);
      const formatted = formatGraphQLError({ message: 'm', extensions: { code, stacktrace: ['at x'] } }, new GraphQLError('m'));
      expect(formatted.extensions).toEqual({ code, status: CONTRACT_STATUS[kind] });
    }
    const variables = formatGraphQLError({ message: 'Too many errors processing variables' }, new GraphQLError('Too many errors'));
    expect(variables.extensions).toEqual({ code: 'BAD_USER_INPUT', status: 400 });
    expect([...REQUEST_LEVEL_STATUSES].sort()).toEqual([401, 429, 503]);
  });

  it('are the ones the README lists, by registry and status', () => {
    const readme = readFileSync(README, 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, `${README} needs the generated error table between ${TABLE_START} and ${TABLE_END}`).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const generated = `${TABLE_START}\n${errorTable()}\n\n${cliList()}\n${TABLE_END}`;
    const updated = readme.slice(0, start) + generated + readme.slice(end + TABLE_END.length);
    if (UPDATE) writeFileSync(README, updated);
    expect(readFileSync(README, 'utf8'), `${README}'s error table drifted from the registries; run \`npm run contracts\``).toBe(updated);
  });
});
