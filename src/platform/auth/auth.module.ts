import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AppConfig } from '../config/app-config.service.js';
import { Authenticator } from './authenticator.js';
import { ScopeGuard } from './scope.guard.js';

@Global()
@Module({
  providers: [
    { provide: Authenticator, inject: [AppConfig], useFactory: (config: AppConfig) => new Authenticator(config.environment) },
    ScopeGuard,
    { provide: APP_GUARD, useExisting: ScopeGuard },
  ],
  exports: [Authenticator, ScopeGuard],
})
export class AuthModule {}
