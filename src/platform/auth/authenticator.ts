import { Logger } from '@nestjs/common';
import type { Environment } from '../config/environment.js';
import { UnauthenticatedError } from '../../domain/errors/planning-error.js';
import { JwtVerifier } from './jwt-verifier.js';
import type { Principal } from './principal.js';
import { SCOPES } from './scopes.js';
import { loadStaticTokens, StaticTokenVerifier } from './static-tokens.js';

const DEV_PRINCIPAL: Principal = { subject: 'dev', scopes: new Set(SCOPES), via: 'dev-mode' };

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/**
 * Turns an Authorization header into a Principal: static API tokens first (hashed, constant-time), then JWTs against
 * the configured JWKS. In the dev mode (no token sources, loopback only) everyone is the `dev` principal.
 */
export class Authenticator {
  private readonly logger = new Logger('Auth');
  private readonly staticTokens: StaticTokenVerifier;
  private readonly jwt?: JwtVerifier;
  public readonly devMode: boolean;

  public constructor(environment: Environment) {
    this.staticTokens = new StaticTokenVerifier(loadStaticTokens(environment.API_TOKENS, environment.API_TOKENS_FILE));
    if (environment.JWT_JWKS_URL) {
      this.jwt = new JwtVerifier({
        jwksUrl: environment.JWT_JWKS_URL,
        issuer: environment.JWT_ISSUER,
        audience: environment.JWT_AUDIENCE,
        scopesClaim: environment.JWT_SCOPES_CLAIM,
        scopePrefix: environment.JWT_SCOPE_PREFIX,
        requireExpiry: environment.JWT_REQUIRE_EXP,
      });
    }
    const hasSources = this.staticTokens.size > 0 || this.jwt !== undefined;
    this.devMode = environment.AUTH_MODE === 'dev-insecure' || (environment.AUTH_MODE === 'auto' && !hasSources);
    if (this.devMode && !isLoopback(environment.HOST)) {
      throw new Error(
        `Refusing to serve without authentication on HOST=${environment.HOST}: configure API_TOKENS/API_TOKENS_FILE or JWT_JWKS_URL ` +
          '(the insecure dev mode is only allowed on a loopback address).',
      );
    }
    if (environment.AUTH_MODE === 'required' && !hasSources)
      throw new Error('AUTH_MODE=required but neither API_TOKENS/API_TOKENS_FILE nor JWT_JWKS_URL is set.');
    if (this.devMode) {
      this.logger.warn(
        'AUTH IS OFF (dev mode): every request acts as "dev" with all scopes. Configure API_TOKENS or JWT_JWKS_URL before exposing the service.',
      );
    } else {
      this.logger.log(`bearer tokens required (${this.staticTokens.size} static token(s)${this.jwt ? ', JWTs via JWKS' : ''})`);
    }
  }

  /** Synchronous for the dev mode and static tokens; only a JWT (checked against the JWKS) needs a promise. */
  public authenticate(authorization: string | undefined): Principal | Promise<Principal> {
    if (this.devMode) return DEV_PRINCIPAL;
    const match = /^Bearer\s+([A-Za-z0-9._~+/=-]{1,8192})\s*$/i.exec(authorization ?? '');
    if (!match) throw new UnauthenticatedError('UNAUTHENTICATED', 'Send Authorization: Bearer <token>.');
    const token = match[1];
    const fromStatic = this.staticTokens.verify(token);
    if (fromStatic) return fromStatic;
    if (this.jwt && token.split('.').length === 3) return this.verifyJwt(this.jwt, token);
    throw new UnauthenticatedError('UNAUTHENTICATED', 'The bearer token is not valid.');
  }

  private async verifyJwt(jwt: JwtVerifier, token: string): Promise<Principal> {
    const { principal, reason } = await jwt.verify(token);
    if (principal) return principal;
    throw new UnauthenticatedError('UNAUTHENTICATED', `The bearer token was refused: ${reason}.`);
  }
}
