import { type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { CatalogModule } from './catalog/catalog.module.js';
import { AllExceptionsFilter } from './common/errors/http-exception.filter.js';
import { AppConfigModule } from './config/config.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { DatabaseModule } from './persistence/database.module.js';

@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    HealthModule,
    GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions()),
    CatalogModule,
  ],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class AppModule {}
