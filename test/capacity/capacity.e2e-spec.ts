import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ENI_MAX_PODS = new Map(
  readFileSync('test/fixtures/capacity/eni-max-pods.tsv', 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [name, pods] = line.split('\t');
      return [name, Number(pods)] as const;
    }),
);

describe('capacity over REST and GraphQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers the issue example: m5.large, PD + custom networking, show max allowed → 290 with steps', async () => {
    const { body } = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'm5.large', prefixDelegation: 'true', customNetworking: 'true', showMaxAllowed: 'true' })
      .expect(200);
    expect(body).toMatchObject({ instanceType: 'm5.large', launcher: 'CALCULATOR', maxPods: 290, cap: null, capApplied: false });
    expect(body.steps.length).toBeGreaterThan(2);
    for (const step of body.steps)
      expect(step).toEqual({ rule: expect.any(String), value: expect.any(Number), source: expect.any(String) });
    expect(body.steps.map((s: { value: number }) => s.value)).toContain(290);
  });

  it('caps at 110 by default, and the managed node group and nodeadm launchers behave as documented', async () => {
    expect(
      (await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large', prefixDelegation: 'true' }).expect(200)).body,
    ).toMatchObject({ maxPods: 110, cap: 110, capApplied: true, kubeReservedMemoryMiB: 11 * 110 + 255 });
    expect(
      (await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.4xlarge', launcher: 'MANAGED_NODE_GROUP' }).expect(200)).body
        .maxPods,
    ).toBe(110);
    const nodeadm = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'm4.xlarge', launcher: 'NODEADM', maxPodsExpression: '((default_enis - 1) * (ips_per_eni - 1)) + 2' })
      .expect(200);
    expect(nodeadm.body).toMatchObject({ maxPods: 44, kubeReservedMemoryMiB: 739 });
  });

  it('reserves kube-reserved memory for the pods nodeadm and Karpenter reserve for, not the kubelet override (issue 17 item 2)', async () => {
    const maxPods = async (query: Record<string, string>) => (await t.http.get('/v1/capacity/max-pods').query(query).expect(200)).body;
    // nodeadm config.go withDefaultReservedResources: 11 × 29 (its standard m5.large value) + 255, before maxPods 110 applies.
    expect(await maxPods({ launcher: 'NODEADM', instanceType: 'm5.large', kubeletMaxPods: '110' })).toMatchObject({
      maxPods: 110,
      kubeReservedMemoryMiB: 574,
    });
    // Karpenter types.go: kubeReservedResources(cpu, ENILimitedPods(ctx, info, 0, nics)) for AL2023, whatever RESERVED_ENIS is.
    expect(await maxPods({ launcher: 'KARPENTER', instanceType: 'm5.large', reservedEnis: '1' })).toMatchObject({
      maxPods: 20,
      kubeReservedMemoryMiB: 574,
    });
  });

  it('accepts cniVersion=1.9 as the calculator does, answers INVALID_CNI_VERSION for every malformed one, and takes efaOnlyInterfaces (issue 17 item 3)', async () => {
    const pd = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'm5.large', prefixDelegation: 'true', showMaxAllowed: 'true', cniVersion: '1.9' });
    expect(pd.status).toBe(200);
    expect(pd.body.maxPods).toBe(434);
    for (const cniVersion of ['latest', '1', '1.9.0.1', 'x'.repeat(300)]) {
      const bad = await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.large', cniVersion }).expect(400);
      expect(bad.body.error.code).toBe('INVALID_CNI_VERSION');
    }
    const efa = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'p5.48xlarge', launcher: 'KARPENTER', efaOnlyInterfaces: '1' })
      .expect(200);
    expect(efa.body.maxPods).toBe(51);
    const gql = await t.graphql(
      '{ maxPods(input: { instanceType: "m5.large", launcher: NODEADM, amiFamily: AL2 }) { maxPods warnings { code } } }',
    );
    expect(gql.body.data?.maxPods.warnings.map((w: { code: string }) => w.code)).toContain('NODEADM_CONFIGURES_AL2023_ONLY');
  });

  it('answers coded errors: unknown type 404, impossible combination 400 naming the rule, bad options 400', async () => {
    expect((await t.http.get('/v1/capacity/max-pods').query({ instanceType: 'm5.gigantic' }).expect(404)).body.error.code).toBe(
      'INSTANCE_TYPE_NOT_FOUND',
    );
    const sgp = await t.http.get('/v1/capacity/max-pods').query({ instanceType: 't3.medium', securityGroupsForPods: 'true' }).expect(400);
    expect(sgp.body.error.code).toMatch(/SECURITY_GROUPS_FOR_PODS/);
    const ipv6 = await t.http.get('/v1/capacity/max-pods').query({ instanceType: 't2.medium', ipFamily: 'IPV6' }).expect(400);
    expect(ipv6.body.error.code).toBe('IPV6_REQUIRES_NITRO');
    const bad = await t.http
      .get('/v1/capacity/max-pods')
      .query({ instanceType: 'm5.large', maxEnis: '-1', prefixDelegation: 'maybe' })
      .expect(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['maxEnis', 'prefixDelegation']);
    expect((await t.http.get('/v1/capacity/max-pods').expect(400)).body.error.details[0].path).toBe('instanceType');
  });

  it('returns the whole catalog in one request, equal to eni-max-pods.txt with the ENI formula', async () => {
    const { body } = await t.http.get('/v1/capacity/max-pods-table').query({ launcher: 'ENI_FORMULA' }).expect(200);
    expect(body.items).toHaveLength(1391);
    expect(body.skipped).toEqual([]);
    for (const item of body.items) expect(item.maxPods).toBe(ENI_MAX_PODS.get(item.instanceType));
    const family = await t.http.get('/v1/capacity/max-pods-table').query({ family: 'p5', showMaxAllowed: 'true' }).expect(200);
    expect(family.body.items.every((i: { instanceType: string }) => i.instanceType.startsWith('p5.'))).toBe(true);
    const sgp = await t.http.get('/v1/capacity/max-pods-table').query({ securityGroupsForPods: 'true' }).expect(200);
    expect(sgp.body.skipped.some((s: { instanceType: string }) => s.instanceType === 't3.medium')).toBe(true);
    expect(sgp.body.items.length + sgp.body.skipped.length).toBe(1391);
  });

  it('computes subnet usage with reserved addresses, warm pools and the largest node count', async () => {
    const { body } = await t.http
      .post('/v1/capacity/subnet-usage')
      .send({
        subnet: { cidr: '10.0.0.0/24' },
        cni: { warmEniTarget: 1 },
        nodeGroups: [{ instanceType: 'c5.large', nodes: 3, podsPerNode: 1 }],
      })
      .expect(200);
    expect(body).toMatchObject({ totalIps: 256, awsReservedIps: 5, usableIps: 251, fits: true });
    expect(body.usedIps + body.freeIps).toBe(body.usableIps);
    // WARM_ENI_TARGET=1 keeps a whole spare ENI once a pod takes an IP: 2 ENIs × 10 addresses (BP vpc-cni.adoc example).
    expect(body.perNodeGroup[0]).toMatchObject({ instanceType: 'c5.large', enisPerNode: 2, ipsPerNode: 20 });
    expect(body.usedIps).toBe(60);
    expect(body.maxNodes).toBeGreaterThanOrEqual(3);
    const invalid = await t.http
      .post('/v1/capacity/subnet-usage')
      .send({ subnet: { cidr: '10.0.0.1/24' }, nodeGroups: [{ instanceType: 'c5.large', nodes: 1, podsPerNode: 1 }] })
      .expect(400);
    expect(invalid.body.error.code).toBe('INVALID_SUBNET_CIDR');
    const negative = await t.http
      .post('/v1/capacity/subnet-usage')
      .send({ subnet: { cidr: '10.0.0.0/24' }, nodeGroups: [{ instanceType: 'c5.large', nodes: -3, podsPerNode: 1 }] })
      .expect(400);
    expect(negative.body.error.details[0].path).toBe('nodeGroups[0].nodes');
  });

  it('serves maxPods, maxPodsTable and subnetUsage over GraphQL', async () => {
    const { body } = await t.graphql(`{
      maxPods(input: { instanceType: "m5.large", prefixDelegation: true, customNetworking: true, showMaxAllowed: true }) { maxPods steps { rule value source } }
      maxPodsTable(input: { family: "m5", launcher: ENI_FORMULA }) { items { instanceType maxPods } skipped { instanceType } }
      subnetUsage(input: { subnet: { cidr: "10.0.0.0/24" }, cni: { prefixDelegation: true }, nodeGroups: [{ instanceType: "m5.large", nodes: 3, podsPerNode: 20 }] }) { usableIps usedIps freeIps fits maxNodes prefixBlocks { assignableBlocks neededBlocks } }
    }`);
    expect(body.errors).toBeUndefined();
    expect(body.data!.maxPods.maxPods).toBe(290);
    expect(body.data!.maxPodsTable.items.find((i: { instanceType: string }) => i.instanceType === 'm5.large').maxPods).toBe(29);
    expect(body.data!.subnetUsage).toMatchObject({ usableIps: 251, fits: true, prefixBlocks: { assignableBlocks: 14 } });
    const notFound = await t.graphql('{ maxPods(input: { instanceType: "m5.gigantic" }) { maxPods } }');
    expect(notFound.body.errors?.[0].extensions?.code).toBe('INSTANCE_TYPE_NOT_FOUND');
  });
});
