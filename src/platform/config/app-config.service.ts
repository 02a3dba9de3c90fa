import type { Environment } from './environment.js';

/** Typed, validated configuration; inject this instead of reading process.env. */
export class AppConfig {
  public constructor(public readonly environment: Readonly<Environment>) {}

  public get<K extends keyof Environment>(key: K): Environment[K] {
    return this.environment[key];
  }
}
