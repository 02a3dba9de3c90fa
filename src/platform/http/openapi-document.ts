/**
 * Turns the document @nestjs/swagger builds (OpenAPI 3.0) into the OpenAPI 3.1 contract the service commits and
 * serves, so that a generated client (openapi-typescript) and a linter (Redocly, recommended rules) read what the
 * server does:
 * - `nullable: true` becomes a `'null'` type (3.1 / JSON Schema): `type: ['integer', 'null']`, or `anyOf: [{$ref}, {type: 'null'}]`
 *   for a nullable enum or model, instead of 3.0's `nullable` beside a `$ref` that has no type;
 * - a single-item `allOf: [{$ref}]` wrapper (how Nest attaches a description to a `$ref`) becomes the `$ref` with its
 *   siblings, which 3.1 allows;
 * - query parameters carry no `example`: Swagger UI pre-fills them in "Try it out" and sends them as if the caller had
 *   typed them (an example maxPodsExpression once turned a NODEADM 29 into 20); the example moves into the description;
 * - parameters list path ones first, then required ones, then optional ones (so /docs shows `instanceType` first).
 */
import type { OpenAPIObject } from '@nestjs/swagger';

type Json = Record<string, unknown>;

export function toOpenApi31(document: OpenAPIObject): OpenAPIObject {
  const copy = structuredClone(document) as unknown as Json;
  copy.openapi = '3.1.0';
  const paths = (copy.paths ?? {}) as Record<string, Record<string, Json>>;
  for (const pathItem of Object.values(paths)) {
    for (const operation of Object.values(pathItem)) {
      if (Array.isArray(operation.parameters)) operation.parameters = tidyParameters(operation.parameters as Json[]);
    }
  }
  return rewriteSchemas(copy) as OpenAPIObject;
}

const PARAMETER_RANK: Record<string, number> = { path: 0, header: 1, query: 2, cookie: 3 };

function tidyParameters(parameters: Json[]): Json[] {
  const tidied = parameters.map((parameter) => {
    const schema = parameter.schema as Json | undefined;
    if (parameter.in !== 'query' || schema?.example === undefined) return parameter;
    const { example, ...rest } = schema;
    const hint = `Example: \`${typeof example === 'string' ? example : JSON.stringify(example)}\`.`;
    const description = typeof parameter.description === 'string' ? `${parameter.description} ${hint}` : hint;
    return { ...parameter, description, schema: rest };
  });
  const rank = (p: Json): number => (PARAMETER_RANK[String(p.in)] ?? 4) * 2 + (p.required === true ? 0 : 1);
  return tidied
    .map((p, index) => ({ p, index }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.index - b.index)
    .map(({ p }) => p);
}

/** Every nested object is visited; schema-only rewrites apply to objects that look like schemas. */
function rewriteSchemas(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteSchemas);
  if (typeof value !== 'object' || value === null) return value;
  const object: Json = {};
  for (const [key, child] of Object.entries(value)) object[key] = rewriteSchemas(child);
  return rewriteSchema(object);
}

function rewriteSchema(schema: Json): Json {
  let result = schema;
  if (Array.isArray(result.allOf) && result.allOf.length === 1) {
    const { allOf, ...siblings } = result;
    result = { ...(allOf[0] as Json), ...siblings };
  }
  if (result.nullable === undefined) return result;
  const { nullable, ...rest } = result;
  if (nullable !== true) return rest;
  if (typeof rest.type === 'string') {
    const withNull: Json = { ...rest, type: [rest.type, 'null'] };
    if (Array.isArray(rest.enum) && !rest.enum.includes(null)) withNull.enum = [...(rest.enum as unknown[]), null];
    return withNull;
  }
  for (const combinator of ['anyOf', 'oneOf'] as const) {
    const options = rest[combinator];
    if (Array.isArray(options)) return { ...rest, [combinator]: [...(options as unknown[]), { type: 'null' }] };
  }
  if (typeof rest.$ref === 'string') {
    const { $ref, ...siblings } = rest;
    return { ...siblings, anyOf: [{ $ref }, { type: 'null' }] };
  }
  return rest;
}
