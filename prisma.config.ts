import { defineConfig } from 'prisma/config';

// Prisma 7 no longer reads the connection string from schema.prisma. The CLI only needs it for
// `prisma migrate deploy` where the schema engine is available; the app itself connects through @prisma/adapter-pg.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/planner' },
});
