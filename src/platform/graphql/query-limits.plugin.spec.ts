import { GraphQLInt, GraphQLObjectType, GraphQLSchema, type GraphQLError, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppConfig } from '../config/app-config.service.js';
import { validateEnvironment } from '../config/environment.js';
import { QueryLimitsPlugin } from './query-limits.plugin.js';
import { expandedFieldCount } from './query-shape.rules.js';

const schema = new GraphQLSchema({
  query: new GraphQLObjectType({
    name: 'Query',
    fields: {
      cheap: { type: GraphQLInt, args: { n: { type: GraphQLInt } } },
      // A cost estimator that fails: the operation cannot be costed.
      broken: {
        type: GraphQLInt,
        extensions: {
          complexity: () => {
            throw new Error('estimator failed');
          },
        },
      },
    },
  }),
});

async function refusal(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLError | undefined> {
  const plugin = new QueryLimitsPlugin(new AppConfig(validateEnvironment({ GRAPHQL_MAX_COMPLEXITY: '100' })));
  const listener = await plugin.requestDidStart();
  const document = parse(query);
  const context = { request: { variables }, document, schema, operation: getOperationAST(document) ?? undefined };
  try {
    await listener.didResolveOperation?.(context as never);
    return undefined;
  } catch (error) {
    return error as GraphQLError;
  }
}

describe('QueryLimitsPlugin', () => {
  it('refuses an operation whose cost cannot be computed instead of treating it as free', async () => {
    const error = await refusal('{ broken }');
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_COMPLEXITY_LIMIT', status: 400, maxComplexity: 100 });
    expect(error?.message).toMatch(/cannot be computed/);
  });

  it('lets operations within the limit through, and leaves variables that do not fit their types to Apollo (BAD_USER_INPUT)', async () => {
    expect(await refusal('{ cheap }')).toBeUndefined();
    expect(await refusal('query Q($n: Int) { cheap(n: $n) }', { n: 'not a number' })).toBeUndefined();
  });

  it('refuses by the expanded field count alone when it exceeds the limit, without costing the operation', async () => {
    const error = await refusal(`{ ${Array.from({ length: 101 }, (_, i) => `a${i}: cheap`).join(' ')} }`);
    expect(error?.extensions).toMatchObject({ code: 'GRAPHQL_COMPLEXITY_LIMIT' });
  });
});

describe('expandedFieldCount', () => {
  const count = (query: string, cap = 1_000_000) => {
    const document = parse(query);
    return expandedFieldCount(document, getOperationAST(document)!, cap);
  };

  it('counts fragment spreads as their fields, each fragment walked once (2^40 fields in linear time)', () => {
    const levels = 40;
    const bomb = [
      '{ ...f0 }',
      ...Array.from({ length: levels }, (_, i) => `fragment f${i} on Query { cheap ...f${i + 1} ...f${i + 1} }`),
      `fragment f${levels} on Query { cheap }`,
    ].join('\n');
    expect(count('{ cheap ... on Query { cheap } }')).toBe(2);
    expect(count('{ ...f ...f } fragment f on Query { cheap cheap }')).toBe(4);
    expect(count(bomb, 5_000)).toBe(5_001);
    expect(count(bomb, Number.MAX_SAFE_INTEGER)).toBe(2 ** (levels + 1) - 1);
  });

  it('treats a fragment cycle (refused by validation anyway) as over the cap instead of recursing forever', () => {
    expect(count('{ ...a } fragment a on Query { ...b } fragment b on Query { ...a }', 10)).toBe(11);
  });
});
