import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../../src/bootstrap.js';
import { createTestDatabase, dropTestDatabase } from './database.js';

export interface TestApp {
  app: NestFastifyApplication;
  http: TestAgent;
  databaseUrl: string;
  /** POST a GraphQL operation; resolves to the parsed body. */
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: GraphqlBody }>;
  close: () => Promise<void>;
}

export interface GraphqlBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: { code?: string; details?: { path: string; message: string }[] } }[];
}

/** The real application (same createApp as main.ts) on its own fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = env.DATABASE_URL ?? (await createTestDatabase('app'));
  Object.assign(process.env, { LOG_LEVEL: 'silent', ...env, DATABASE_URL: databaseUrl });
  const app = await createApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    databaseUrl,
    graphql: async (query, variables) => {
      const response = await http.post('/graphql').set('content-type', 'application/json').send({ query, variables });
      return { status: response.status, body: response.body as GraphqlBody };
    },
    close: async () => {
      await app.close();
      if (!env.DATABASE_URL) await dropTestDatabase(databaseUrl);
    },
  };
}
