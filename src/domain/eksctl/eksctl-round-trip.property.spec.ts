import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportEksctl } from './eksctl-export.engine.js';
import { importEksctl as sut } from './eksctl-import.engine.js';

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c', 'eu-west-1d'];

/** ClusterConfigs of the shapes platform teams write: generated or explicit subnets, every node group kind, CNI env. */
const clusterConfigs = fc
  .record({
    zoneCount: fc.integer({ min: 2, max: 4 }),
    second: fc.integer({ min: 0, max: 200 }),
    explicit: fc.boolean(),
    ipv6: fc.boolean(),
    nat: fc.constantFrom(undefined, 'Single', 'HighlyAvailable', 'Disable'),
    endpoints: fc.option(fc.record({ publicAccess: fc.boolean(), privateAccess: fc.constant(true) }), { nil: undefined }),
    podSubnets: fc.boolean(),
    env: fc.record(
      {
        ENABLE_PREFIX_DELEGATION: fc.constantFrom('true', 'false'),
        WARM_IP_TARGET: fc.integer({ min: 0, max: 20 }).map(String),
        AWS_VPC_K8S_CNI_EXTERNALSNAT: fc.constantFrom('true', 'false'),
      },
      { requiredKeys: [] },
    ),
    groups: fc.array(
      fc.record({
        list: fc.constantFrom('managedNodeGroups', 'nodeGroups', 'fargateProfiles'),
        privateNetworking: fc.boolean(),
        zonePick: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        byKey: fc.boolean(),
        types: fc.uniqueArray(fc.constantFrom('m5.large', 'm5.xlarge', 'c6i.large'), { minLength: 1, maxLength: 2 }),
        desired: fc.integer({ min: 0, max: 5 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ zoneCount, second, explicit, ipv6, nat, endpoints, podSubnets, env, groups }) => {
    const zones = ZONES.slice(0, zoneCount);
    const custom = !ipv6 && explicit && podSubnets;
    const subnets = explicit
      ? {
          public: Object.fromEntries(zones.map((zone, i) => [zone, { cidr: `10.${second}.${i}.0/24` }])),
          private: Object.fromEntries([
            ...zones.map((zone, i) => [zone, { cidr: `10.${second}.${16 * (i + 1)}.0/20` }]),
            ...(custom ? zones.map((zone, i) => [`pods-${zone}`, { az: zone, cidr: `100.64.${64 * i}.0/18` }]) : []),
          ]),
        }
      : undefined;
    const cniEnv = { ...env, ...(custom ? { AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG: 'true' } : {}) };
    return {
      apiVersion: 'eksctl.io/v1alpha5',
      kind: 'ClusterConfig',
      metadata: { name: 'generated', region: 'eu-west-1', version: '1.31' },
      ...(ipv6 ? { kubernetesNetworkConfig: { ipFamily: 'IPv6' } } : {}),
      ...(explicit ? {} : { availabilityZones: zones }),
      vpc: {
        cidr: `10.${second}.0.0/16`,
        ...(subnets === undefined ? {} : { subnets }),
        ...(nat === undefined || ipv6 ? {} : { nat: { gateway: nat } }),
        ...(endpoints === undefined ? {} : { clusterEndpoints: endpoints }),
      },
      addons: [{ name: 'vpc-cni', configurationValues: JSON.stringify({ env: cniEnv }) }],
      ...Object.fromEntries(
        ['managedNodeGroups', 'nodeGroups', 'fargateProfiles'].map((list) => [
          list,
          groups.flatMap((group, i) =>
            group.list !== list
              ? []
              : [
                  list === 'fargateProfiles'
                    ? { name: `g${i}`, ...(group.zonePick === undefined ? {} : { subnets: zones.slice(0, group.zonePick) }) }
                    : {
                        name: `g${i}`,
                        ...(group.types.length === 1 || list === 'nodeGroups'
                          ? { instanceType: group.types[0] }
                          : { instanceTypes: group.types }),
                        desiredCapacity: group.desired,
                        privateNetworking: group.privateNetworking,
                        ...(group.zonePick === undefined
                          ? {}
                          : explicit && group.byKey
                            ? { subnets: zones.slice(0, group.zonePick) }
                            : { availabilityZones: zones.slice(0, group.zonePick) }),
                      },
                ],
          ),
        ]),
      ),
    };
  });

describe('eksctl round trip', () => {
  it('property: import → export → import is stable for generated ClusterConfigs', () => {
    fc.assert(
      fc.property(clusterConfigs, (config) => {
        const imported = sut(stringify(config)).spec;
        expect(sut(exportEksctl(imported)).spec).toEqual(imported);
      }),
      { numRuns: 150, seed: 20261220 },
    );
  });
});
