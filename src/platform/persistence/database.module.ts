import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config.service.js';
import { DatabaseConnection } from './database-connection.js';
import { PrismaService } from './prisma.service.js';

@Global()
@Module({
  providers: [
    {
      provide: DatabaseConnection,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('Database');
        return DatabaseConnection.open({
          databaseUrl: config.get('DATABASE_URL'),
          embeddedDataDir: config.get('EMBEDDED_PG_DATA_DIR'),
          embeddedPort: config.get('EMBEDDED_PG_PORT'),
          poolSize: config.get('DATABASE_POOL_SIZE'),
          statementTimeoutMs: config.get('DATABASE_STATEMENT_TIMEOUT_MS'),
          lockTimeoutMs: config.get('DATABASE_LOCK_TIMEOUT_MS'),
          log: (message) => logger.log(message),
        });
      },
    },
    { provide: PrismaService, inject: [DatabaseConnection], useFactory: (c: DatabaseConnection) => new PrismaService(c) },
  ],
  exports: [DatabaseConnection, PrismaService],
})
export class DatabaseModule implements OnApplicationShutdown {
  public constructor(
    @Inject(DatabaseConnection) private readonly connection: DatabaseConnection,
    @Inject(PrismaService) private readonly prisma: PrismaService,
  ) {}

  /** Runs after the HTTP server has drained: Prisma first, then the pool, then the embedded Postgres. */
  public async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect().catch(() => undefined);
    await this.connection.close();
  }
}
