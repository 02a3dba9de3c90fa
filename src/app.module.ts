import { type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { AuthModule } from './platform/auth/auth.module.js';
import { CapacityModule } from './app/capacity/capacity.module.js';
import { CatalogModule } from './app/catalogs/catalog.module.js';
import { AllExceptionsFilter } from './platform/errors/http-exception.filter.js';
import { AppConfigModule } from './platform/config/config.module.js';
import type { Environment } from './platform/config/environment.js';
import { DesignsModule } from './app/designs/designs.module.js';
import { ExposureModule } from './app/exposure/exposure.module.js';
import { GraphqlPluginsModule } from './platform/graphql/graphql-plugins.module.js';
import { graphqlOptions } from './platform/graphql/graphql-options.js';
import { ImmutableResponseCacheModule } from './platform/http/immutable-response-cache.js';
import { HealthModule } from './platform/health/health.module.js';
import { MetricsModule } from './platform/metrics/metrics.module.js';
import { ComputeModule } from './platform/compute/compute.module.js';
import { DatabaseModule } from './platform/persistence/database.module.js';
import { RateLimitModule } from './platform/rate-limit/rate-limit.module.js';
import { TrafficPathModule } from './app/traffic-path/traffic-path.module.js';

const featureModules = (environment: Environment) => [
  AuthModule,
  RateLimitModule,
  ImmutableResponseCacheModule,
  DatabaseModule,
  HealthModule,
  MetricsModule,
  ComputeModule,
  GraphQLModule.forRoot<ApolloDriverConfig>(graphqlOptions(environment)),
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
      imports: [AppConfigModule.forRoot(environment), ...featureModules(environment)],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    };
  }
}
