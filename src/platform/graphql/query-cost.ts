/**
 * Costs of GraphQL fields beyond graphql-query-complexity's 1 per field, in one place so the model stays consistent.
 * A field that reads Postgres costs as much as 25 plain fields: GRAPHQL_MAX_COMPLEXITY (5,000) allows 200 of them in
 * one operation, and reads within one request are batched and cached per request anyway (DataLoader), so aliases of a
 * database-backed field cannot fan out into as many Postgres reads.
 */
export const DATABASE_READ_COMPLEXITY = 25;
