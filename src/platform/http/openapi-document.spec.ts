import type { OpenAPIObject } from '@nestjs/swagger';
import { describe, expect, it } from 'vitest';
import { toOpenApi31 } from './openapi-document.js';

function documentWith(schema: Record<string, unknown>, parameters: unknown[] = []): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: { '/x': { get: { parameters, responses: { '200': { description: '' } } } } },
    components: { schemas: { Thing: schema } },
  } as unknown as OpenAPIObject;
}

describe('toOpenApi31', () => {
  it('turns nullable into a null type, for plain types, enums, combinators and references', () => {
    const document = toOpenApi31(
      documentWith({
        type: 'object',
        properties: {
          count: { type: 'integer', nullable: true },
          mode: { type: 'string', enum: ['A', 'B'], nullable: true },
          either: { nullable: true, oneOf: [{ type: 'string' }, { type: 'number' }] },
          launcher: { nullable: true, description: 'd', allOf: [{ $ref: '#/components/schemas/Launcher' }] },
          plain: { allOf: [{ $ref: '#/components/schemas/Launcher' }], description: 'kept' },
        },
      }),
    );
    expect(document.openapi).toBe('3.1.0');
    expect(document.components?.schemas?.Thing).toEqual({
      type: 'object',
      properties: {
        count: { type: ['integer', 'null'] },
        mode: { type: ['string', 'null'], enum: ['A', 'B', null] },
        either: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'null' }] },
        launcher: { description: 'd', anyOf: [{ $ref: '#/components/schemas/Launcher' }, { type: 'null' }] },
        plain: { $ref: '#/components/schemas/Launcher', description: 'kept' },
      },
    });
  });

  it('moves query examples into the description and puts path, then required, parameters first', () => {
    const document = toOpenApi31(
      documentWith({ type: 'object' }, [
        { name: 'expression', in: 'query', required: false, schema: { type: 'string', example: 'max_pods - 9' } },
        { name: 'instanceType', in: 'query', required: true, schema: { type: 'string', example: 'm5.large' } },
        { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      ]),
    );
    expect(document.paths['/x'].get?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { name: 'instanceType', in: 'query', required: true, description: 'Example: `m5.large`.', schema: { type: 'string' } },
      { name: 'expression', in: 'query', required: false, description: 'Example: `max_pods - 9`.', schema: { type: 'string' } },
    ]);
  });
});
