/**
 * Frictions a new caller met in the first hour (issue 15), each pinned: the body media type, non-numeric query
 * values, and what /docs pre-fills.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('first-hour frictions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['POST', '/v1/plan', '{"name":"demo"}'],
    ['POST', '/v1/designs', '{"name":"demo"}'],
    ['POST', '/v1/exposure/lint', 'kind: Service'],
    ['POST', '/v1/designs/import/eksctl', 'kind: ClusterConfig'],
  ])('%s %s with curl -d (a form) or no Content-Type answers 415 with the header to send', async (method, url, payload) => {
    const fastify = t.app.getHttpAdapter().getInstance();
    for (const headers of [{ 'content-type': 'application/x-www-form-urlencoded' }, {}]) {
      const answer = await fastify.inject({ method: method as 'POST', url, payload, headers });
      expect(answer.statusCode).toBe(415);
      const body = answer.json<{ error: { code: string; message: string } }>();
      expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(body.error.message).toContain(`${method} ${url} reads JSON`);
      expect(body.error.message).toContain("-H 'content-type: application/json'");
    }
    expect((await t.http.get('/v1/designs').expect(200)).body.items).toEqual([]);
  });

  it('still reads JSON and YAML bodies sent with their Content-Type', async () => {
    const lint = await t.http
      .post('/v1/exposure/lint')
      .set('content-type', 'application/yaml')
      .send('kind: Service\nmetadata: {name: a}\n');
    expect(lint.status).toBe(200);
    const plan = await t.http.post('/v1/plan').set('content-type', 'application/json').send('{}');
    expect(plan.body.error.code).toBe('VALIDATION_FAILED');
  });

  it.each([
    ['/v1/catalogs/aws/instance-types?limit=abc', 'limit'],
    ['/v1/catalogs/aws/instance-types?minVcpu=2.5', 'minVcpu'],
    ['/v1/capacity/max-pods?instanceType=m5.large&maxEnis=abc', 'maxEnis'],
    ['/v1/designs?limit=ten', 'limit'],
  ])('%s answers "must be an integer", not a range it cannot meet either', async (url, field) => {
    const answer = await t.http.get(url).expect(400);
    expect(answer.body.error.details).toEqual([{ path: field, message: `${field} must be an integer number`, code: 'INVALID_VALUE' }]);
  });

  it('keeps range messages for numbers out of range', async () => {
    const answer = await t.http.get('/v1/catalogs/aws/instance-types?limit=501').expect(400);
    expect(answer.body.error.details[0].message).toBe('limit must not be greater than 500');
  });

  it('/docs pre-fills no optional query parameter from an example and lists required parameters first', async () => {
    const document = (await t.http.get('/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string; required?: boolean; schema: Record<string, unknown> }[] }>
      >;
    };
    const maxPods = document.paths['/v1/capacity/max-pods'].get.parameters ?? [];
    expect(maxPods[0]).toMatchObject({ name: 'instanceType', in: 'query', required: true });
    const expression = maxPods.find((p) => p.name === 'maxPodsExpression');
    expect(expression?.schema.example).toBeUndefined();
    for (const operation of Object.values(document.paths).flatMap((item) => Object.values(item))) {
      const parameters = operation.parameters ?? [];
      for (const parameter of parameters)
        if (parameter.in === 'query') expect(parameter.schema, parameter.name).not.toHaveProperty('example');
      const required = parameters.filter((p) => p.in === 'query').map((p) => p.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
    }
  });
});
