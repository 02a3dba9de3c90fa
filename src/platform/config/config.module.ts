import { type DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './app-config.service.js';
import type { Environment } from './environment.js';

/** Provides the configuration validated once by createApp() (see bootstrap.ts), so nothing reads process.env later. */
@Module({})
export class AppConfigModule {
  public static forRoot(environment: Environment): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [{ provide: AppConfig, useValue: new AppConfig(environment) }],
      exports: [AppConfig],
    };
  }
}
