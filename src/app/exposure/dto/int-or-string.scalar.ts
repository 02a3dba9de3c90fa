import { GraphQLScalarType, Kind } from 'graphql';

/**
 * Kubernetes `IntOrString` (a Service `targetPort` is a container port number or a port name). GraphQL has no input
 * unions, so a scalar takes either; class-validator then checks the value like REST's JSON.
 */
export const IntOrStringScalar = new GraphQLScalarType<number | string, number | string>({
  name: 'IntOrString',
  description: 'An integer or a string, like Kubernetes IntOrString (e.g. a port number or a port name).',
  serialize: (value) => intOrString(value),
  parseValue: (value) => intOrString(value),
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT) return Number(ast.value);
    if (ast.kind === Kind.STRING) return ast.value;
    throw new TypeError('IntOrString takes an integer or a string literal.');
  },
});

function intOrString(value: unknown): number | string {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw new TypeError('IntOrString takes an integer or a string.');
}
