/**
 * Auth edges of issue 16 item 8: an unreachable JWKS answers 503 AUTH_UNAVAILABLE (not a storage error), JWTs without
 * `exp` are refused unless JWT_REQUIRE_EXP=false, and a principal with no scope cannot introspect or read the docs.
 */
import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../support/built-app.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'eks-network-planner';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('auth edges', () => {
  let jwks: Server;
  let jwksUrl: string;
  let key: CryptoKey;
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>) => {
    const app = await startTestApp({ JWT_ISSUER: ISSUER, JWT_AUDIENCE: AUDIENCE, JWT_SCOPES_CLAIM: 'scp', ...env });
    apps.push(app);
    return app;
  };
  const jwt = (claims: Record<string, unknown>, expires: string | null = '5m') => {
    const token = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k' }).setIssuedAt().setIssuer(ISSUER).setAudience(AUDIENCE);
    return (expires ? token.setExpirationTime(expires) : token).sign(key);
  };

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    key = pair.privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
    jwks.close();
  });

  it('an unreachable JWKS answers 503 AUTH_UNAVAILABLE with Retry-After, on REST and GraphQL', async () => {
    const t = await start({ JWT_JWKS_URL: `http://127.0.0.1:${await freePort()}/jwks.json` });
    const token = await jwt({ sub: 'someone', scp: 'read' });
    const rest = await t.http.get('/v1/catalogs').set(bearer(token));
    expect(rest.status).toBe(503);
    expect(rest.body.error.code).toBe('AUTH_UNAVAILABLE');
    expect(rest.body.error.message).not.toMatch(/design store|Postgres/);
    expect(rest.headers['retry-after']).toBeDefined();
    const graphql = await t.http.post('/graphql').set(bearer(token)).send({ query: '{ catalogs { name } }' });
    expect(graphql.status).toBe(503);
    expect(graphql.body.errors[0].extensions.code).toBe('AUTH_UNAVAILABLE');
  });

  it('refuses a JWT without exp (401), unless JWT_REQUIRE_EXP=false', async () => {
    const strict = await start({ JWT_JWKS_URL: jwksUrl });
    const forever = await jwt({ sub: 'someone', scp: 'read' }, null);
    const refused = await strict.http.get('/v1/catalogs').set(bearer(forever));
    expect(refused.status).toBe(401);
    expect(refused.body.error.message).toMatch(/exp/);
    await strict.http
      .get('/v1/catalogs')
      .set(bearer(await jwt({ sub: 'someone', scp: 'read' })))
      .expect(200);

    const lenient = await start({ JWT_JWKS_URL: jwksUrl, JWT_REQUIRE_EXP: 'false', DATABASE_URL: strict.databaseUrl });
    await lenient.http.get('/v1/catalogs').set(bearer(forever)).expect(200);
  });

  it('a principal with no scope cannot introspect or open /docs, /openapi.json, /graphiql (unless DOCS_PUBLIC)', async () => {
    const t = await start({ JWT_JWKS_URL: jwksUrl });
    const none = await jwt({ sub: 'identity-only' });
    const reader = await jwt({ sub: 'reader', scp: 'read' });
    for (const path of ['/docs', '/openapi.json', '/graphiql']) {
      const refused = await t.http.get(path).set(bearer(none));
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code, path).toBe('INSUFFICIENT_SCOPE');
      expect((await t.http.get(path).set(bearer(reader))).status, path).not.toBe(403);
    }
    const introspection = '{ __schema { queryType { name } } }';
    const refused = await t.http
      .post('/graphql')
      .set(bearer(none))
      .send({ query: `query { ...Q } fragment Q on Query { ${introspection.slice(1, -1)} }` });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
    expect(refused.body.data).toBeUndefined();
    const allowed = await t.http.post('/graphql').set(bearer(reader)).send({ query: introspection });
    expect(allowed.body.data.__schema.queryType.name).toBe('Query');

    const open = await start({ JWT_JWKS_URL: jwksUrl, DOCS_PUBLIC: 'true', DATABASE_URL: t.databaseUrl });
    await open.http.get('/openapi.json').expect(200);
  });
});
