import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client.js';
import type { DatabaseConnection } from './database-connection.js';

/** The Prisma 7 client over the shared pg pool. Only repositories inject it. */
export class PrismaService extends PrismaClient {
  public constructor(connection: DatabaseConnection) {
    super({ adapter: new PrismaPg(connection.pool, { disposeExternalPool: false }) });
  }
}
