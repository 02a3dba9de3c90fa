/**
 * The exact YAML payloads of issue 16 item 4, against the lint and the eksctl import: refused with a code before the
 * YAML parser composes them, within a stall budget (printed with PRINT_STALLS=1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stallBudgetMs, worstStallMs } from '../support/event-loop-stall.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** 20,000 unreferenced anchors, about 506 KB. */
const ANCHORS = Array.from({ length: 20_000 }, (_, i) => `key${i}: &anchor${i} "x"`).join('\n') + '\n';
/** 5,000 merge keys over one anchor. */
const MERGE_KEYS = 'base: &b {a: 1}\n' + Array.from({ length: 5_000 }, (_, i) => `m${i}:\n  <<: *b\n  x: ${i}`).join('\n') + '\n';
const ECKSTL_HEAD = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: demo\n  region: us-east-1\n';

describe('hostile YAML (issue 16)', () => {
  let t: TestApp;
  let baselineMs: number;
  beforeAll(async () => {
    t = await startTestApp();
    baselineMs = (
      await worstStallMs('yaml baseline', () =>
        t.http.post('/v1/exposure/lint').set('content-type', 'application/yaml').send('apiVersion: v1\nkind: Service\n'),
      )
    ).stallMs;
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['lint', '/v1/exposure/lint', ANCHORS, 'YAML_ANCHOR_LIMIT_EXCEEDED', 400],
    ['lint', '/v1/exposure/lint', MERGE_KEYS, 'YAML_ANCHOR_LIMIT_EXCEEDED', 400],
    ['eksctl import', '/v1/designs/import/eksctl', ECKSTL_HEAD + ANCHORS, 'YAML_ANCHOR_LIMIT_EXCEEDED', 400],
    ['eksctl import', '/v1/designs/import/eksctl', ECKSTL_HEAD + MERGE_KEYS, 'YAML_ANCHOR_LIMIT_EXCEEDED', 400],
    ['eksctl import', '/v1/designs/import/eksctl', `${ECKSTL_HEAD}---\n`.repeat(11), 'YAML_TOO_MANY_DOCUMENTS', 413],
  ])('%s refuses %#', async (what, path, body, code, status) => {
    expect(body.length).toBeLessThan(1024 * 1024);
    const { result, stallMs } = await worstStallMs(`${what} ${code} ${body.length} chars`, () =>
      t.http.post(path).set('content-type', 'application/yaml').send(body),
    );
    expect(result.status).toBe(status);
    expect(result.body.error.code).toBe(code);
    expect(stallMs).toBeLessThan(stallBudgetMs(baselineMs));
  });

  it('refuses them in a JSON body and over GraphQL alike', async () => {
    const json = await t.http.post('/v1/exposure/lint').send({ manifests: ANCHORS }).expect(400);
    expect(json.body.error.code).toBe('YAML_ANCHOR_LIMIT_EXCEEDED');
    const graphql = await t.graphql('query($m: String!) { lintManifests(manifests: $m) { findings { code } } }', { m: MERGE_KEYS });
    expect(graphql.body.errors?.[0].extensions?.code).toBe('YAML_ANCHOR_LIMIT_EXCEEDED');
  });
});
