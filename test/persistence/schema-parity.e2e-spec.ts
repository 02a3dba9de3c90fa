/**
 * The hand-written migrations must produce exactly the database schema.prisma describes (Prisma's own migrate cannot
 * run here to check it). Expected columns, keys, indexes, foreign keys and enums come from the schema's DMMF, read
 * offline with @prisma/internals; the actual ones from the Postgres catalogs after running our migrator.
 */
import { readFileSync } from 'node:fs';
import internals from '@prisma/internals';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/platform/persistence/database-connection.js';
import { createTestDatabase, dropTestDatabase, withClient } from '../support/database.js';

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Json: 'jsonb',
  BigInt: 'bigint',
  Float: 'double precision',
};
const NATIVE_TYPES: Record<string, string> = { Uuid: 'uuid' };

let dmmf: Dmmf;
let url: string;

beforeAll(async () => {
  dmmf = await internals.getDMMF({ datamodel: readFileSync('prisma/schema.prisma', 'utf8') });
  url = await createTestDatabase('parity');
  await migrate(url, () => undefined);
});
afterAll(async () => {
  await dropTestDatabase(url);
});

async function query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
  return withClient(url, async (client) => (await client.query(sql)).rows as T[]);
}

describe('schema.prisma ⇔ prisma/migrations', () => {
  it('has exactly the models as tables (plus _prisma_migrations)', async () => {
    const tables = await query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`);
    expect(tables.map((t) => t.table_name).sort()).toEqual(
      [...dmmf.datamodel.models.map((m) => m.dbName ?? m.name), '_prisma_migrations'].sort(),
    );
  });

  it('has every scalar field as a column of the right type, nullability and default', async () => {
    const columns = await query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
      column_default: string | null;
      datetime_precision: number | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, datetime_precision FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind !== 'object')
        .map((field) => {
          const native = field.nativeType ? NATIVE_TYPES[field.nativeType[0]] : undefined;
          const base = field.kind === 'enum' ? 'USER-DEFINED' : (native ?? SCALAR_TYPES[field.type]);
          // A DB-level default exists unless Prisma fills the value client-side (uuid(), cuid(), @updatedAt).
          const dbDefault =
            field.hasDefaultValue &&
            !(
              typeof field.default === 'object' &&
              field.default !== null &&
              'name' in field.default &&
              ['uuid', 'cuid', 'nanoid'].includes(String(field.default.name))
            );
          return {
            table: model.dbName ?? model.name,
            column: field.dbName ?? field.name,
            type: field.isList ? 'ARRAY' : base,
            udt:
              field.kind === 'enum'
                ? field.type
                : field.isList
                  ? `_${SCALAR_TYPES[field.type] === 'text' ? 'text' : field.type}`
                  : undefined,
            // Prisma creates scalar lists without NOT NULL.
            nullable: field.isList ? 'YES' : field.isRequired ? 'NO' : 'YES',
            hasDefault: dbDefault,
            precision: field.type === 'DateTime' ? 3 : undefined,
          };
        }),
    );
    const actual = columns.map((c) => ({
      table: c.table_name,
      column: c.column_name,
      type: c.data_type,
      udt: c.data_type === 'USER-DEFINED' || c.data_type === 'ARRAY' ? c.udt_name : undefined,
      nullable: c.is_nullable,
      hasDefault: c.column_default !== null,
      precision: c.data_type.startsWith('timestamp') ? (c.datetime_precision ?? undefined) : undefined,
    }));
    const key = (c: { table: string; column: string }) => `${c.table}.${c.column}`;
    expect(actual.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
  });

  it('has the primary keys, indexes and unique constraints of the schema', async () => {
    const indexes = await query<{ table: string; index: string; columns: string[]; primary: boolean; unique: boolean; method: string }>(`
      SELECT t.relname::text AS table, i.relname::text AS index, ix.indisprimary AS primary, ix.indisunique AS unique, am.amname::text AS method,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisprimary, ix.indisunique, am.amname`);
    const expected = dmmf.datamodel.indexes.map((index) => {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      return {
        table: model.dbName ?? model.name,
        columns: index.fields.map((f) => f.name),
        primary: index.type === 'id',
        unique: index.type === 'id' || index.type === 'unique',
        method: (index.algorithm ?? 'BTree').toLowerCase() === 'gin' ? 'gin' : 'btree',
      };
    });
    const actual = indexes.map(({ index: _name, ...rest }) => rest);
    const sortKey = (i: { table: string; columns: string[] }) => `${i.table}(${i.columns.join(',')})`;
    expect(actual.sort((a, b) => sortKey(a).localeCompare(sortKey(b)))).toEqual(
      expected.sort((a, b) => sortKey(a).localeCompare(sortKey(b))),
    );
  });

  it('has the relations as foreign keys with their referential actions', async () => {
    const fks = await query<{ table: string; columns: string[]; references: string; on_delete: string; on_update: string }>(`
      SELECT c.conrelid::regclass::text AS table, c.confrelid::regclass::text AS references,
             array_agg(a.attname::text ORDER BY k.ord) AS columns, c.confdeltype AS on_delete, c.confupdtype AS on_update
      FROM pg_constraint c
      JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
      WHERE c.contype = 'f' GROUP BY c.oid`);
    const ACTIONS: Record<string, string> = { Cascade: 'c', Restrict: 'r', NoAction: 'a', SetNull: 'n', SetDefault: 'd' };
    const expected = dmmf.datamodel.models.flatMap((model) =>
      model.fields
        .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
        .map((f) => ({
          table: `"${model.dbName ?? model.name}"`,
          references: `"${f.type}"`,
          columns: f.relationFromFields!,
          on_delete: ACTIONS[f.relationOnDelete ?? 'Restrict'],
          // Prisma's default onUpdate is Cascade.
          on_update: ACTIONS[(f as { relationOnUpdate?: string }).relationOnUpdate ?? 'Cascade'],
        })),
    );
    expect(fks.sort((a, b) => a.table.localeCompare(b.table))).toEqual(expected.sort((a, b) => a.table.localeCompare(b.table)));
  });

  it('has the enums with their values in order', async () => {
    const rows = await query<{ name: string; values: string[] }>(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`);
    expect(rows).toEqual(dmmf.datamodel.enums.map((e) => ({ name: e.dbName ?? e.name, values: e.values.map((v) => v.dbName ?? v.name) })));
  });
});
