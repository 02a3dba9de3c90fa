import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Environment } from './environment.js';

/** Typed, validated configuration; inject this instead of reading process.env. */
@Injectable()
export class AppConfig {
  public constructor(private readonly config: ConfigService<Environment, true>) {}

  public get<K extends keyof Environment>(key: K): Environment[K] {
    return this.config.get(key, { infer: true });
  }
}
