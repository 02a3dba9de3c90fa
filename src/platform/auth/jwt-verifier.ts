import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { UnavailableError } from '../../domain/errors/planning-error.js';
import type { Principal } from './principal.js';

export interface JwtVerifierOptions {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  scopesClaim: string;
  scopePrefix: string;
  /** Refuse tokens without an `exp` claim (JWT_REQUIRE_EXP). */
  requireExpiry: boolean;
}

/** Verifies JWT bearer tokens against a JWKS (cached and refreshed by jose) and maps a claim to our scopes. */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  public constructor(private readonly options: JwtVerifierOptions) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  }

  /** `undefined` when the token is not a valid JWT for us (bad signature, expired, wrong issuer or audience). */
  public async verify(token: string): Promise<{ principal?: Principal; reason?: string }> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: 30,
        requiredClaims: this.options.requireExpiry ? ['exp'] : [],
      });
      if (typeof payload.sub !== 'string' || !payload.sub) return { reason: 'the token has no subject (sub)' };
      return { principal: { subject: payload.sub, scopes: this.scopesOf(payload), via: 'jwt' } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { reason: 'the token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed && error.claim === 'exp' && error.reason === 'missing') {
        return { reason: 'the token has no expiry (exp); tokens without one are refused (JWT_REQUIRE_EXP)' };
      }
      // The keys cannot be fetched (a timeout, a refused connection, not a JWKS): our dependency is down, not the token
      // wrong, so the caller gets 503 AUTH_UNAVAILABLE (with Retry-After) rather than 401 or a storage error.
      if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || !(error instanceof errors.JOSEError)) {
        throw new UnavailableError(
          'AUTH_UNAVAILABLE',
          'The identity provider (JWT_JWKS_URL) cannot be reached to verify the token; try again shortly.',
        );
      }
      if (error instanceof errors.JWTClaimValidationFailed) return { reason: `the token's ${error.claim} claim is not accepted` };
      return { reason: 'the token could not be verified' };
    }
  }

  private scopesOf(payload: JWTPayload): Set<string> {
    const claim = payload[this.options.scopesClaim];
    const values =
      typeof claim === 'string' ? claim.split(/\s+/) : Array.isArray(claim) ? claim.filter((v): v is string => typeof v === 'string') : [];
    const prefix = this.options.scopePrefix;
    return new Set(values.filter((v) => v.startsWith(prefix)).map((v) => v.slice(prefix.length)));
  }
}
