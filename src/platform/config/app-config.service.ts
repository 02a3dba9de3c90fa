import type { Environment } from './environment.js';

/** Typed, validated configuration; inject this instead of reading process.env. */
export class AppConfig {
  public constructor(public readonly environment: Readonly<Environment>) {}

  public get<K extends keyof Environment>(key: K): Environment[K] {
    return this.environment[key];
  }

  /** Where callers reach the service (OpenAPI `servers`): PUBLIC_URL, else the address it listens on. */
  public get publicUrl(): string {
    return this.environment.PUBLIC_URL ?? `http://${this.environment.HOST}:${this.environment.PORT}`;
  }
}
