import { createServer, type Server } from 'node:http';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { Logger } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Authenticator } from '../../src/platform/auth/authenticator.js';
import { sha256Hex } from '../../src/platform/auth/static-tokens.js';
import { createApp } from '../../src/bootstrap.js';
import { validDesign } from '../fixtures/spec/valid-design.fixture.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const TOKENS = { reader: 'r-0123456789abcdef', writer: 'w-0123456789abcdef', admin: 'a-0123456789abcdef' };
const API_TOKENS = JSON.stringify([
  { subject: 'portal-reader', sha256: sha256Hex(TOKENS.reader), scopes: ['read'] },
  { subject: 'backstage', sha256: sha256Hex(TOKENS.writer), scopes: ['read', 'write'] },
  { subject: 'platform-admin', sha256: sha256Hex(TOKENS.admin), scopes: ['admin'] },
]);
const ISSUER = 'https://idp.example.test/';
const AUDIENCE = 'eks-network-planner';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication and authorization', () => {
  let t: TestApp;
  let jwks: Server;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;

  const jwt = (
    claims: Record<string, unknown>,
    options: { key?: CryptoKey; issuer?: string; audience?: string; expiresIn?: string } = {},
  ) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
      .setIssuedAt()
      .setIssuer(options.issuer ?? ISSUER)
      .setAudience(options.audience ?? AUDIENCE)
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(options.key ?? privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
    jwks = createServer((_req, res) => res.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: [publicJwk] })));
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    const port = (jwks.address() as { port: number }).port;
    t = await startTestApp({
      API_TOKENS,
      JWT_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      JWT_ISSUER: ISSUER,
      JWT_AUDIENCE: AUDIENCE,
      JWT_SCOPES_CLAIM: 'scp',
      JWT_SCOPE_PREFIX: 'planner:',
    });
  });

  afterAll(async () => {
    await t.close();
    jwks.close();
  });

  it('keeps health probes open and everything else behind a bearer token', async () => {
    await t.http.get('/health/live').expect(200);
    await t.http.get('/health/ready').expect(200);
    const missing = await t.http.get('/v1/catalogs').expect(401);
    expect(missing.body.error.code).toBe('UNAUTHENTICATED');
    expect(missing.headers['www-authenticate']).toContain('Bearer');
    expect((await t.http.get('/v1/catalogs').set(bearer('nope')).expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    expect((await t.http.get('/v1/catalogs').set({ authorization: 'Basic abc' }).expect(401)).body.error.code).toBe('UNAUTHENTICATED');
    await t.http.get('/docs').expect(401);
    await t.http.get('/openapi.json').expect(401);
    await t.http.get('/graphiql').expect(401);
    await t.http.get('/openapi.json').set(bearer(TOKENS.reader)).expect(200);
    const gql = await t.http.post('/graphql').send({ query: '{ catalogs { name } }' }).expect(401);
    expect(gql.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('lets static tokens do what their scopes allow: read < write < admin', async () => {
    await t.http.get('/v1/catalogs').set(bearer(TOKENS.reader)).expect(200);
    const denied = await t.http.post('/v1/designs').set(bearer(TOKENS.reader)).send(validDesign()).expect(403);
    expect(denied.body.error.code).toBe('INSUFFICIENT_SCOPE');
    const created = await t.http.post('/v1/designs').set(bearer(TOKENS.writer)).send(validDesign()).expect(201);
    expect(created.body).toMatchObject({ createdBy: 'backstage', updatedBy: 'backstage' });

    const catalog = {
      name: 'team',
      instanceTypes: [{ name: 'x1.large', maxEnis: 3, ipv4PerEni: 10, hypervisor: 'NITRO', bareMetal: false }],
    };
    expect((await t.http.post('/v1/catalogs').set(bearer(TOKENS.writer)).send(catalog).expect(403)).body.error.code).toBe(
      'INSUFFICIENT_SCOPE',
    );
    await t.http.post('/v1/catalogs').set(bearer(TOKENS.admin)).send(catalog).expect(201);
    const updated = await t.http
      .put(`/v1/designs/${created.body.id}`)
      .set(bearer(TOKENS.admin))
      .set('If-Match', '"1"')
      .send(validDesign())
      .expect(200);
    expect(updated.body).toMatchObject({ createdBy: 'backstage', updatedBy: 'platform-admin', revision: 2 });
  });

  it('applies the same scopes to GraphQL operations', async () => {
    const read = await t.http.post('/graphql').set(bearer(TOKENS.reader)).send({ query: '{ catalogs { name } }' }).expect(200);
    expect(read.body.data.catalogs.length).toBeGreaterThan(0);
    const mutation = await t.http.post('/graphql').set(bearer(TOKENS.reader)).send({ query: 'mutation { deleteCatalog(name: "team") }' });
    expect(mutation.body.errors[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
    const admin = await t.http.post('/graphql').set(bearer(TOKENS.writer)).send({ query: 'mutation { deleteCatalog(name: "team") }' });
    expect(admin.body.errors[0].extensions.code).toBe('INSUFFICIENT_SCOPE');
  });

  it('verifies JWTs against the JWKS, mapping the prefixed scope claim', async () => {
    const writer = await jwt({ sub: 'alice@example.com', scp: 'planner:read planner:write other:admin' });
    const created = await t.http.post('/v1/designs').set(bearer(writer)).send(validDesign()).expect(201);
    expect(created.body.createdBy).toBe('alice@example.com');
    const readerOnly = await jwt({ sub: 'bob', scp: ['planner:read', 'admin'] });
    await t.http.get('/v1/catalogs').set(bearer(readerOnly)).expect(200);
    expect((await t.http.post('/v1/designs').set(bearer(readerOnly)).send(validDesign()).expect(403)).body.error.code).toBe(
      'INSUFFICIENT_SCOPE',
    );
  });

  it('refuses JWTs that are expired, for another audience or issuer, or signed by another key', async () => {
    const cases = [
      await jwt({ sub: 'x', scp: 'planner:read' }, { expiresIn: '-10m' }),
      await jwt({ sub: 'x', scp: 'planner:read' }, { audience: 'someone-else' }),
      await jwt({ sub: 'x', scp: 'planner:read' }, { issuer: 'https://evil.example/' }),
      await jwt({ sub: 'x', scp: 'planner:read' }, { key: otherKey }),
      await jwt({ scp: 'planner:read' }),
    ];
    for (const token of cases) {
      const response = await t.http.get('/v1/catalogs').set(bearer(token)).expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('answers an internal failure while authenticating with the generic 500, and logs it with the request id', async () => {
    const authenticator = t.app.get(Authenticator);
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const failing = vi
      .spyOn(authenticator, 'authenticate')
      .mockImplementationOnce(() => {
        throw new TypeError('static token store exploded');
      })
      .mockImplementationOnce(() => Promise.reject(new TypeError('JWKS response exploded')));
    try {
      for (const [path, cause] of [
        ['/v1/catalogs', 'static token store exploded'],
        ['/graphql', 'JWKS response exploded'],
      ]) {
        logged.mockClear();
        const request = path === '/graphql' ? t.http.post(path).send({ query: '{ catalogs { name } }' }) : t.http.get(path);
        const response = await request.set(bearer(TOKENS.reader)).set('x-request-id', `auth-failure-${path.length}`).expect(500);
        expect(response.body).toEqual({
          error: { code: 'INTERNAL', message: 'Internal server error.' },
          requestId: `auth-failure-${path.length}`,
        });
        expect(JSON.stringify(response.body)).not.toContain('exploded');
        expect(logged).toHaveBeenCalledWith(
          expect.objectContaining({ err: expect.objectContaining({ message: cause }), requestId: `auth-failure-${path.length}` }),
          expect.any(String),
        );
      }
    } finally {
      failing.mockRestore();
      logged.mockRestore();
    }
    await t.http.get('/v1/catalogs').set(bearer(TOKENS.reader)).expect(200);
  });
});

describe('auth configuration', () => {
  const restore = { ...process.env };
  afterAll(() => {
    process.env = restore;
  });

  it('refuses to start without token sources on a non-loopback address', async () => {
    process.env = { ...restore, HOST: '0.0.0.0', AUTH_MODE: 'auto', API_TOKENS: '', JWT_JWKS_URL: '', LOG_LEVEL: 'silent' };
    await expect(createApp()).rejects.toThrow(/Refusing to serve without authentication on HOST=0\.0\.0\.0/);
    process.env = { ...restore, HOST: '0.0.0.0', AUTH_MODE: 'dev-insecure', LOG_LEVEL: 'silent' };
    await expect(createApp()).rejects.toThrow(/only allowed on a loopback address/);
  });

  it('refuses malformed token configuration at boot', async () => {
    process.env = { ...restore, API_TOKENS: '[{"subject":"x","sha256":"abc","scopes":["read"]}]', LOG_LEVEL: 'silent' };
    await expect(createApp()).rejects.toThrow(/sha256 must be 64 hex characters/);
    process.env = { ...restore, API_TOKENS: '[{"subject":"x","sha256":"' + 'a'.repeat(64) + '","scopes":["root"]}]', LOG_LEVEL: 'silent' };
    await expect(createApp()).rejects.toThrow(/scopes must list read, write, admin/);
  });
});
