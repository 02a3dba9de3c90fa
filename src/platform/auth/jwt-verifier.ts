import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import type { Principal } from './principal.js';

export interface JwtVerifierOptions {
  jwksUrl: string;
  issuer?: string;
  audience?: string;
  scopesClaim: string;
  scopePrefix: string;
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
      });
      if (typeof payload.sub !== 'string' || !payload.sub) return { reason: 'the token has no subject (sub)' };
      return { principal: { subject: payload.sub, scopes: this.scopesOf(payload), via: 'jwt' } };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { reason: 'the token has expired' };
      if (error instanceof errors.JWTClaimValidationFailed) return { reason: `the token's ${error.claim} claim is not accepted` };
      if (error instanceof errors.JOSEError) return { reason: 'the token could not be verified' };
      throw error;
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
