import { type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './auth/auth.module.js';
import { CapacityModule } from './capacity/capacity.module.js';
import { CatalogModule } from './catalog/catalog.module.js';
import { AllExceptionsFilter } from './common/errors/http-exception.filter.js';
import { AppConfigModule } from './config/config.module.js';
import type { Environment } from './config/environment.js';
import { DesignsModule } from './designs/designs.module.js';
import { ExposureModule } from './exposure/exposure.module.js';
import { GraphqlPluginsModule } from './graphql/graphql-plugins.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { HealthModule } from './health/health.module.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { DatabaseModule } from './persistence/database.module.js';
import { RateLimitModule } from './rate-limit/rate-limit.module.js';
import { TrafficPathModule } from './traffic-path/traffic-path.module.js';

const FEATURE_MODULES = [
  AuthModule,
  RateLimitModule,
  DatabaseModule,
  HealthModule,
  MetricsModule,
  GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions()),
  GraphqlPluginsModule,
  CatalogModule,
  DesignsModule,
  CapacityModule,
  ExposureModule,
  TrafficPathModule,
];

@Module({})
export class AppModule {
  public static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppModule,
      imports: [AppConfigModule.forRoot(environment), ...FEATURE_MODULES],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
