/**
 * EKS rules that make a design impossible to build: node group sizes and instance types, IPv6 prerequisites,
 * custom networking, endpoint access, Availability Zones, and IngressGroup sharing.
 * Whether something is tight or risky (free IPs, headroom) is a plan finding, not a validation error.
 */
import type { RuleInput } from './design-spec.index.js';
import { show } from './design-spec.readers.js';
import { REGION_PATTERN } from './design-spec.schema.js';
import type { ExposeProtocol, NodeGroupKind } from './design-spec.types.js';

// EKS UG network-reqs.adoc: subnets in at least two AZs; cluster ENIs cannot go in these AZ ids (capacity.md §5.6).
const MIN_CLUSTER_AZS = 2;
const UNSUPPORTED_CLUSTER_AZ_IDS = new Set(['use1-az3', 'usw1-az2', 'cac1-az3']);
/** `us-east-1a`, local zones `us-west-2-lax-1a`, Wavelength `us-east-1-wl1-bos-wlz-1`; group 1 is the Region. */
const AZ_NAME = /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})(?:[a-z]|-[a-z0-9]+(?:-[a-z0-9]+)*)$/;
/** `use1-az1`, local zones `usw2-lax1-az1`. */
const AZ_ID = /^[a-z]{2,5}\d{1,2}(?:-[a-z]{2,5}\d{1,2})?-az\d{1,2}$/;
/** Node groups whose pods get IPs from the VPC CNI (Fargate and Auto Mode manage pod networking themselves). */
const VPC_CNI_KINDS: ReadonlySet<NodeGroupKind | undefined> = new Set(['MANAGED', 'SELF_MANAGED', 'KARPENTER']);
/** An IngressGroup shares one ALB, which serves only these. */
const ALB_PROTOCOLS: ReadonlySet<ExposeProtocol | undefined> = new Set(['HTTP', 'HTTPS', 'GRPC']);

export function checkSemantics(input: RuleInput): void {
  checkNodeGroups(input);
  checkIpv6(input);
  checkCustomNetworking(input);
  checkAvailabilityZones(input);
  const { spec, problems } = input;
  if (spec.endpointAccess?.public === false && spec.endpointAccess.private === false) {
    problems.add(
      ['endpointAccess'],
      'ENDPOINT_ACCESS_DISABLED',
      'EKS rejects a cluster endpoint with both public and private access off; turn at least one on.',
    );
  }
  spec.workloads?.forEach((workload, i) => {
    const expose = workload?.expose;
    if (expose?.shareGroup !== undefined && expose.protocol !== undefined && !ALB_PROTOCOLS.has(expose.protocol)) {
      problems.add(
        ['workloads', i, 'expose', 'shareGroup'],
        'SHARE_GROUP_PROTOCOL',
        `An IngressGroup shares one ALB, which serves HTTP, HTTPS and GRPC; ${expose.protocol} needs its own NLB.`,
      );
    }
  });
}

function checkNodeGroups({ spec, index, problems }: RuleInput): void {
  spec.nodeGroups?.forEach((nodeGroup, i) => {
    if (nodeGroup === undefined) return;
    const { minSize, desiredSize, maxSize } = nodeGroup;
    if (minSize !== undefined && desiredSize !== undefined && maxSize !== undefined) {
      if (minSize > maxSize) {
        problems.add(['nodeGroups', i, 'maxSize'], 'NODE_GROUP_SIZE_ORDER', `maxSize ${maxSize} is below minSize ${minSize}.`);
      } else if (desiredSize < minSize || desiredSize > maxSize) {
        problems.add(
          ['nodeGroups', i, 'desiredSize'],
          'NODE_GROUP_SIZE_ORDER',
          `desiredSize ${desiredSize} must be between minSize ${minSize} and maxSize ${maxSize}.`,
        );
      }
    }
    if (nodeGroup.windowsVariant !== undefined && nodeGroup.amiFamily !== 'WINDOWS') {
      problems.add(
        ['nodeGroups', i, 'windowsVariant'],
        'WINDOWS_VARIANT_WITHOUT_WINDOWS',
        `windowsVariant ${nodeGroup.windowsVariant} names a Windows Server AMI; set amiFamily WINDOWS or remove it.`,
      );
    }
    if (nodeGroup.kind === 'FARGATE') {
      if (nodeGroup.instanceTypes !== undefined && nodeGroup.instanceTypes.length > 0) {
        problems.add(
          ['nodeGroups', i, 'instanceTypes'],
          'FARGATE_INSTANCE_TYPES',
          'Fargate chooses the compute; leave instanceTypes empty.',
        );
      }
      nodeGroup.subnets?.forEach((name, j) => {
        if (name !== undefined && index.subnets.get(name)?.public === true) {
          problems.add(
            ['nodeGroups', i, 'subnets', j],
            'FARGATE_PUBLIC_SUBNET',
            `Fargate runs pods only in private subnets; ${show(name)} is public.`,
          );
        }
      });
    } else if (nodeGroup.kind !== undefined && nodeGroup.instanceTypes?.length === 0) {
      problems.add(
        ['nodeGroups', i, 'instanceTypes'],
        'INSTANCE_TYPES_REQUIRED',
        `A ${nodeGroup.kind} node group runs EC2 instances; name at least one instance type.`,
      );
    }
  });
}

function checkIpv6({ spec, index, problems }: RuleInput): void {
  if (spec.ipFamily !== 'IPV6') return;
  if (spec.vpc !== undefined && (spec.vpc.ipv6Cidrs ?? []).length === 0 && !problems.has(['vpc', 'ipv6Cidrs'])) {
    problems.add(['vpc', 'ipv6Cidrs'], 'IPV6_VPC_CIDR_REQUIRED', 'An IPV6 cluster needs an IPv6 CIDR block on the VPC.');
  }
  if (spec.cni?.customNetworking === true) {
    // EKS UG cni-ipv6: custom networking is not available with IPv6 (traffic-path.md).
    problems.add(['cni', 'customNetworking'], 'IPV6_CUSTOM_NETWORKING', 'Custom networking is not available in IPV6 clusters.');
  }
  const reported = new Set<number>();
  spec.nodeGroups?.forEach((nodeGroup) =>
    nodeGroup?.subnets?.forEach((name) => {
      const s = name === undefined ? undefined : index.subnets.indexOf(name);
      const subnet = s === undefined ? undefined : index.subnets.entries[s];
      if (s === undefined || subnet === undefined || subnet.ipv6Cidr !== undefined || reported.has(s)) return;
      if (problems.has(['subnets', s, 'ipv6Cidr'])) return;
      reported.add(s);
      problems.add(
        ['subnets', s, 'ipv6Cidr'],
        'IPV6_SUBNET_CIDR_REQUIRED',
        `Node group ${show(nodeGroup.name)} runs nodes here, and in an IPV6 cluster nodes and pods need an IPv6 subnet CIDR.`,
      );
    }),
  );
}

function checkCustomNetworking({ spec, index, problems }: RuleInput): void {
  if (spec.cni?.customNetworking !== true) return;
  const eniConfigs = spec.cni.eniConfigs;
  if (eniConfigs === undefined || eniConfigs.length === 0) {
    if (!problems.has(['cni', 'eniConfigs'])) {
      problems.add(
        ['cni', 'eniConfigs'],
        'ENICONFIGS_REQUIRED',
        "Custom networking takes pod IPs from the ENIConfig of each node's Availability Zone; add one per zone.",
      );
    }
    return;
  }
  if (eniConfigs.some((eniConfig) => eniConfig?.az === undefined)) return;
  const configured = new Set(eniConfigs.map((eniConfig) => eniConfig?.az));
  spec.nodeGroups?.forEach((nodeGroup, i) => {
    if (!VPC_CNI_KINDS.has(nodeGroup?.kind)) return;
    nodeGroup?.subnets?.forEach((name, j) => {
      const az = name === undefined ? undefined : index.subnets.get(name)?.az;
      if (az !== undefined && !configured.has(az)) {
        problems.add(
          ['nodeGroups', i, 'subnets', j],
          'ENICONFIG_MISSING_FOR_AZ',
          `Custom networking is on but no ENIConfig covers ${show(az)}; nodes there would get no pod IPs.`,
        );
      }
    });
  });
}

function checkAvailabilityZones({ spec, problems }: RuleInput): void {
  const region = spec.region !== undefined && REGION_PATTERN.test(spec.region) ? spec.region : undefined;
  const checkForm = (az: string | undefined, path: (string | number)[]): 'name' | 'id' | undefined => {
    if (az === undefined) return undefined;
    const name = AZ_NAME.exec(az);
    if (name !== null) {
      if (region !== undefined && name[1] !== region) {
        problems.add(path, 'AZ_NOT_IN_REGION', `${show(az)} is in ${name[1]}, not in the design's Region ${region}.`);
      }
      return 'name';
    }
    if (AZ_ID.test(az)) return 'id';
    problems.add(path, 'AZ_INVALID', `${show(az)} is neither an Availability Zone name (us-east-1a) nor an AZ id (use1-az1).`);
    return undefined;
  };

  const subnets = spec.subnets;
  const forms = subnets?.map((subnet, i) => checkForm(subnet?.az, ['subnets', i, 'az'])) ?? [];
  const ids = forms.filter((form) => form === 'id').length;
  const names = forms.filter((form) => form === 'name').length;
  if (ids > 0 && names > 0) {
    // The minority form is the odd one out (names win a tie).
    const usual = ids > names ? 'id' : 'name';
    forms.forEach((form, i) => {
      if (form !== undefined && form !== usual) {
        problems.add(
          ['subnets', i, 'az'],
          'AZ_NAMING_MIXED',
          `${names} subnets use AZ names and ${ids} use AZ ids; use one form so zones can be compared (most here use AZ ${usual}s).`,
        );
      }
    });
  }
  spec.cni?.eniConfigs?.forEach((eniConfig, i) => checkForm(eniConfig?.az, ['cni', 'eniConfigs', i, 'az']));

  if (subnets === undefined) return;
  const designated = subnets.filter((subnet) => subnet?.roles?.includes('CLUSTER_ENDPOINTS'));
  const clusterSubnets = designated.length > 0 ? designated : subnets;
  const isClusterSubnet = new Set(clusterSubnets);
  subnets.forEach((subnet, i) => {
    if (subnet?.az !== undefined && isClusterSubnet.has(subnet) && UNSUPPORTED_CLUSTER_AZ_IDS.has(subnet.az)) {
      problems.add(
        ['subnets', i, 'az'],
        'CLUSTER_SUBNET_AZ_UNSUPPORTED',
        `EKS does not create cluster network interfaces in ${subnet.az}; pick cluster subnets in other zones ` +
          '(or give them the CLUSTER_ENDPOINTS role elsewhere).',
      );
    }
  });
  if (clusterSubnets.some((subnet) => subnet?.az === undefined)) return;
  const zones = new Set(clusterSubnets.map((subnet) => subnet?.az));
  if (zones.size < MIN_CLUSTER_AZS) {
    const which = designated.length > 0 ? 'The subnets with the CLUSTER_ENDPOINTS role' : 'The subnets';
    const where = zones.size === 0 ? 'The design has no subnets' : `${which} are all in ${show([...zones][0])}`;
    problems.add(
      ['subnets'],
      'CLUSTER_SUBNETS_SINGLE_AZ',
      `${where}; EKS needs cluster subnets in at least ${MIN_CLUSTER_AZS} Availability Zones.`,
    );
  }
}
