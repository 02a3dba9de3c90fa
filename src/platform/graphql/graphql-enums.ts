import { registerEnumType } from '@nestjs/graphql';

/**
 * Our enums are `as const` string arrays (pure domain code cannot import GraphQL); this turns one into the
 * `{ VALUE: 'VALUE' }` object Nest needs and registers it, so REST and GraphQL share the same UPPER_SNAKE values.
 */
export function graphqlEnum<const T extends readonly string[]>(values: T, name: string, description?: string): { [K in T[number]]: K } {
  const enumObject = Object.fromEntries(values.map((v) => [v, v])) as { [K in T[number]]: K };
  registerEnumType(enumObject, { name, description });
  return enumObject;
}
