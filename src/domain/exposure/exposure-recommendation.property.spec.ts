import fc from 'fast-check';
import { isMap, parseAllDocuments, type Pair, type Scalar } from 'yaml';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, EXPOSE_PROTOCOLS, type Subnet } from '../spec/design-spec.types.js';
import { findAnnotationSpec } from './annotation-catalog.data.js';
import { recommendExposure } from './exposure-recommendation.engine.js';
import {
  CLUSTER_LB_CONTROLLERS,
  CNI_KINDS,
  COMPUTE_KINDS,
  EXPOSURE_KINDS,
  POD_SECURITY_GROUP_MODES,
  type ExposureRequest,
} from './exposure.types.js';
import { lintManifests } from './manifest-lint.engine.js';

const SUBNET_LAYOUTS: Subnet[][] = [
  [
    { name: 'public-a', az: 'eu-west-1a', cidr: '10.0.0.0/24', public: true, roles: ['ELB'] },
    { name: 'public-b', az: 'eu-west-1b', cidr: '10.0.1.0/24', public: true, roles: ['ELB'] },
    { name: 'private-a', az: 'eu-west-1a', cidr: '10.0.16.0/20', roles: ['NODES', 'INTERNAL_ELB'] },
    { name: 'private-b', az: 'eu-west-1b', cidr: '10.0.32.0/20', roles: ['NODES', 'INTERNAL_ELB'] },
  ],
  [
    { name: 'dmz-1', az: 'use1-az1', cidr: '172.16.0.0/22', public: true },
    { name: 'dmz-2', az: 'use1-az2', cidr: '172.16.4.0/22', public: true },
    { name: 'dmz-3', az: 'use1-az4', cidr: '172.16.8.0/22', public: true },
    { name: 'app-1', az: 'use1-az1', cidr: '172.16.64.0/18' },
    { name: 'app-2', az: 'use1-az2', cidr: '172.16.128.0/18' },
  ],
];

const dnsLabel = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
/** Present half of the time. */
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arbitrary);
/** Present one time in five: explicit overrides, which often (rightly) conflict with the context. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary, weight: 1 });

const requestArbitrary: fc.Arbitrary<ExposureRequest> = fc
  .record({
    expose: fc.record(
      {
        audience: fc.constantFrom(...AUDIENCES),
        protocol: fc.constantFrom(...EXPOSE_PROTOCOLS),
        port: fc.integer({ min: 1, max: 65535 }),
        targetPort: maybe(fc.integer({ min: 1, max: 65535 })),
        needClientIp: maybe(fc.boolean()),
        staticIps: maybe(fc.boolean()),
        shareGroup: maybe(fc.constantFrom('shop', 'shop-public', 'edge.v2', 'Bad_Group')),
        groupOrder: rarely(fc.integer({ min: -1200, max: 1200 })),
        externalTrafficPolicy: rarely(fc.constantFrom('CLUSTER' as const, 'LOCAL' as const)),
        targetType: rarely(fc.constantFrom('IP' as const, 'INSTANCE' as const)),
        certificateArn: maybe(hex(8).map((id) => `arn:aws:acm:eu-west-1:123456789012:certificate/${id}`)),
        kind: rarely(fc.constantFrom(...EXPOSURE_KINDS)),
        nodePort: rarely(fc.oneof(fc.integer({ min: 30000, max: 32767 }), fc.integer({ min: 1, max: 65535 }))),
        proxyProtocol: maybe(fc.boolean()),
        eipAllocations: rarely(
          fc.array(
            hex(17).map((id) => `eipalloc-${id}`),
            { minLength: 1, maxLength: 3 },
          ),
        ),
        privateIpv4Addresses: rarely(fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 })),
        clientsInCluster: maybe(fc.boolean()),
      },
      { requiredKeys: ['audience', 'protocol', 'port'] },
    ),
    context: fc.record(
      {
        compute: fc.constantFrom(...COMPUTE_KINDS),
        ipFamily: fc.constantFrom('IPV4' as const, 'IPV6' as const),
        controller: fc.constantFrom(...CLUSTER_LB_CONTROLLERS),
        lbcVersion: fc.constantFrom('2.3.1', '2.4.7', '2.5.4', '2.7.2', '2.12.0', 'v2.13.0', '2.14.1'),
        serviceMutatorWebhook: fc.boolean(),
        podSecurityGroups: fc.constantFrom(...POD_SECURITY_GROUP_MODES),
        cni: fc.constantFrom(...CNI_KINDS),
        enableIpTargetType: fc.boolean(),
        subnets: maybe(fc.constantFrom(...SUBNET_LAYOUTS)),
        includeIngressClass: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    workload: fc.record({ name: dnsLabel, namespace: maybe(dnsLabel) }, { requiredKeys: ['name'] }),
  })
  .map((request) => ({ ...request, expose: stripUndefined(request.expose), workload: stripUndefined(request.workload) }));

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

function keysOf(node: unknown): string[] {
  return isMap(node) ? node.items.map((item) => String((item as Pair<Scalar>).key.value)) : [];
}

describe('recommendExposure properties', () => {
  it('every recommendation without errors is valid YAML in canonical order and lints with zero ERROR findings', () => {
    let clean = 0;
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const recommendation = recommendExposure(request);
        for (const [key, value] of Object.entries(recommendation.annotations)) {
          expect(typeof value).toBe('string');
          expect(findAnnotationSpec(key)).toBeDefined();
        }
        if (recommendation.errors.length > 0) return;
        clean += 1;
        const documents = parseAllDocuments(recommendation.manifests);
        for (const document of documents) {
          expect(document.errors).toEqual([]);
          expect(keysOf(document.contents)).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
          const metadata = keysOf(document.get('metadata', true));
          expect(metadata.filter((key) => key !== 'namespace')).toEqual([
            'name',
            'labels',
            ...(metadata.includes('annotations') ? ['annotations'] : []),
          ]);
          const annotationKeys = keysOf(document.getIn(['metadata', 'annotations'], true));
          expect(annotationKeys).toEqual([...annotationKeys].sort());
        }
        const errors = lintManifests(recommendation.manifests, request.context).findings.filter((finding) => finding.severity === 'ERROR');
        expect(errors).toEqual([]);
      }),
      { numRuns: 600, seed: 20260412 },
    );
    // The generator must reach the property often enough to mean something.
    expect(clean).toBeGreaterThan(150);
  });

  it('reads an optional field set to undefined as unset (the service passes DTO objects on with only nulls dropped)', () => {
    const exposeKeys = [
      'targetPort',
      'needClientIp',
      'staticIps',
      'shareGroup',
      'groupOrder',
      'externalTrafficPolicy',
      'targetType',
      'certificateArn',
      'kind',
      'nodePort',
      'proxyProtocol',
      'eipAllocations',
      'privateIpv4Addresses',
      'clientsInCluster',
    ] as const;
    const contextKeys = [
      'compute',
      'ipFamily',
      'controller',
      'lbcVersion',
      'serviceMutatorWebhook',
      'podSecurityGroups',
      'cni',
      'enableIpTargetType',
      'subnets',
      'includeIngressClass',
      'defaultNamespace',
    ] as const;
    const withUndefined = <T extends object>(value: T, keys: readonly string[]): T =>
      Object.fromEntries([...keys.map((key) => [key, undefined]), ...Object.entries(stripUndefined(value))]) as T;
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const context = stripUndefined(request.context ?? {});
        const plain = { ...request, context };
        const unset: ExposureRequest = {
          expose: withUndefined(request.expose, exposeKeys),
          context: withUndefined(context, contextKeys),
          workload: withUndefined(request.workload, ['namespace', 'port', 'targetPort']),
        };
        const recommendation = recommendExposure(plain);
        expect(recommendExposure(unset)).toStrictEqual(recommendation);
        expect(lintManifests(recommendation.manifests, withUndefined(context, [...contextKeys, 'previousManifests']))).toStrictEqual(
          lintManifests(recommendation.manifests, context),
        );
      }),
      { numRuns: 200, seed: 11 },
    );
  });

  it('is deterministic: the same request gives byte-identical manifests', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        expect(recommendExposure(request)).toEqual(recommendExposure(structuredClone(request)));
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
