import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../catalog/data/aws-catalog.data.js';
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { Launcher, MaxPodsOptions } from './capacity.types.js';
import { computeMaxPods } from './max-pods.engine.js';
import { nodeIpDemand } from './node-ip-demand.js';
import { computeSubnetUsage } from './subnet-usage.engine.js';

const types = AWS_CATALOG.instanceTypes;
const catalog = new Map(types.map((type) => [type.name, type]));
const anyType = fc.constantFrom(...types);
const nitroType = fc.constantFrom(...types.filter((type) => type.hypervisor === 'NITRO'));
const cniVersion = fc.constantFrom('1.8.0', '1.9.0', '1.11.0', '1.16.3', '1.16.4', '1.20.0');
const linuxLaunchers: Launcher[] = ['ENI_FORMULA', 'CALCULATOR', 'MANAGED_NODE_GROUP', 'NODEADM', 'KARPENTER'];
const linuxOptions = fc.record({
  launcher: fc.constantFrom(...linuxLaunchers),
  prefixDelegation: fc.boolean(),
  customNetworking: fc.boolean(),
  cniVersion,
  maxEnis: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
});

describe('capacity properties', () => {
  it('never exceeds the 110/250 (or Auto Mode 110) cap unless showMaxAllowed', () => {
    fc.assert(
      fc.property(
        anyType,
        fc.constantFrom<Launcher>('CALCULATOR', 'MANAGED_NODE_GROUP', 'AUTO_MODE'),
        fc.boolean(),
        fc.boolean(),
        cniVersion,
        fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
        (type, launcher, prefixDelegation, customNetworking, version, maxEnis) => {
          const options: MaxPodsOptions =
            launcher === 'AUTO_MODE'
              ? { launcher, prefixDelegation, maxEnis }
              : { launcher, prefixDelegation, customNetworking, cniVersion: version, maxEnis };
          const result = computeMaxPods(type, options);
          expect(result.cap).not.toBeNull();
          expect([110, 250]).toContain(result.cap);
          expect(result.maxPods).toBeLessThanOrEqual(result.cap ?? 0);
          expect(result.capApplied).toBe(result.uncappedMaxPods > (result.cap ?? 0));
          if (launcher === 'AUTO_MODE' || (type.vcpu ?? 0) <= 30) expect(result.maxPods).toBeLessThanOrEqual(110);
        },
      ),
      { seed: 20261212 },
    );
  });

  it('gives at least as many pods with prefix delegation as with secondary IPs on Nitro', () => {
    fc.assert(
      fc.property(nitroType, linuxOptions, fc.boolean(), (type, options, showMaxAllowed) => {
        const calculatorOptions = options.launcher === 'CALCULATOR' ? { showMaxAllowed } : {};
        const withPrefixes = computeMaxPods(type, { ...options, ...calculatorOptions, prefixDelegation: true });
        const withoutPrefixes = computeMaxPods(type, { ...options, ...calculatorOptions, prefixDelegation: false });
        expect(withPrefixes.maxPods).toBeGreaterThanOrEqual(withoutPrefixes.maxPods);
        expect(withPrefixes.ipLimitedPods ?? 0).toBeGreaterThanOrEqual(withoutPrefixes.ipLimitedPods ?? 0);
      }),
      { seed: 20261213 },
    );
  });

  it('never raises max pods or pod addresses with custom networking', () => {
    fc.assert(
      fc.property(anyType, linuxOptions, (type, options) => {
        const custom = computeMaxPods(type, { ...options, customNetworking: true });
        const plain = computeMaxPods(type, { ...options, customNetworking: false });
        expect(custom.maxPods).toBeLessThanOrEqual(plain.maxPods);
        expect(custom.ipLimitedPods ?? 0).toBeLessThanOrEqual(plain.ipLimitedPods ?? 0);
      }),
      { seed: 20261214 },
    );
  });

  it('grows a node’s addresses monotonically with its pods', () => {
    fc.assert(
      fc.property(
        anyType,
        fc.integer({ min: 0, max: 300 }),
        fc.record({
          prefixDelegation: fc.boolean(),
          customNetworking: fc.boolean(),
          warmEniTarget: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          warmIpTarget: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
          minimumIpTarget: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
        }),
        (type, pods, cni) => {
          const maxPods = computeMaxPods(type, { prefixDelegation: cni.prefixDelegation, showMaxAllowed: true }).maxPods;
          const fewer = nodeIpDemand({ instanceType: type, pods: Math.min(pods, maxPods), maxPods, cni });
          const more = nodeIpDemand({ instanceType: type, pods: Math.min(pods + 1, maxPods), maxPods, cni });
          expect(more.totalIps).toBeGreaterThanOrEqual(fewer.totalIps);
          expect(fewer.podIpsAllocated).toBeGreaterThanOrEqual(Math.min(pods, maxPods) - fewer.unplacedPods);
        },
      ),
      { seed: 20261215 },
    );
  });

  const subnetRequest = fc.record({
    prefixLength: fc.integer({ min: 16, max: 28 }),
    prefixDelegation: fc.boolean(),
    groups: fc.array(
      fc.record({
        instanceType: fc.constantFrom('m5.large', 't3.medium', 'c5.xlarge', 'm5.4xlarge', 'm4.xlarge', 'p3dn.24xlarge'),
        nodes: fc.integer({ min: 0, max: 60 }),
        podsPerNode: fc.integer({ min: 0, max: 120 }),
        surgeNodes: fc.integer({ min: 0, max: 2 }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  });

  it('uses more (never fewer) addresses with more nodes, and usedIps + freeIps = usableIps', () => {
    fc.assert(
      fc.property(subnetRequest, fc.nat({ max: 2 }), ({ prefixLength, prefixDelegation, groups }, grow) => {
        const request = (nodeGroups: typeof groups) => ({
          subnet: { cidr: `10.0.0.0/${prefixLength}` },
          cni: { prefixDelegation },
          nodeGroups,
        });
        const lookup = (name: string): InstanceTypeRecord | undefined => catalog.get(name);
        const before = computeSubnetUsage(request(groups), lookup);
        const index = grow % groups.length;
        const after = computeSubnetUsage(request(groups.map((g, i) => (i === index ? { ...g, nodes: g.nodes + 1 } : g))), lookup);
        for (const result of [before, after]) {
          expect(result.usedIps + result.freeIps).toBe(result.usableIps);
          expect(result.usableIps).toBe(2 ** (32 - prefixLength) - 5);
        }
        expect(after.usedIps).toBeGreaterThanOrEqual(before.usedIps);
        if (!before.fits) expect(after.fits).toBe(false);
        if (before.maxNodesByGroup && before.fits) {
          const scaled = computeSubnetUsage(request(groups.map((g, i) => ({ ...g, nodes: before.maxNodesByGroup?.[i] ?? 0 }))), lookup);
          expect(scaled.fits).toBe(true);
        }
      }),
      { numRuns: 60, seed: 20261216 },
    );
  });
});
