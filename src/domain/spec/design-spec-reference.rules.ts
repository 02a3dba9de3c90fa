/**
 * Names and references: duplicate names, references to subnets, NAT gateways, node groups, security groups and
 * catalog instance types that the design does not define, and the placement rules that come with them.
 */
import { looksLikeCidr } from './design-spec-network.rules.js';
import type { NameIndex, RuleInput } from './design-spec.index.js';
import type { PathSegment, Problems } from './design-spec.problems.js';
import { show, type Draft } from './design-spec.readers.js';
import { DEFAULT_CATALOG, type DesignSpec } from './design-spec.types.js';

type UnknownReferenceCode = 'UNKNOWN_SUBNET' | 'UNKNOWN_NAT_GATEWAY' | 'UNKNOWN_NODE_GROUP' | 'UNKNOWN_SECURITY_GROUP';

export function checkNamesAndReferences(input: RuleInput): void {
  const { spec, index, problems } = input;
  const resolve = <T extends { name?: string }>(
    value: string | undefined,
    names: NameIndex<T>,
    path: readonly PathSegment[],
    code: UnknownReferenceCode,
    noun: string,
  ): T | undefined => {
    if (value === undefined) return undefined;
    const found = names.get(value);
    if (found === undefined && names.complete) {
      problems.add(path, code, `No ${noun} is named ${show(value)}.${input.suggestions.didYouMean(value, names.names())}`);
    }
    return found;
  };
  const resolveSecurityGroups = (values: readonly (string | undefined)[] | undefined, path: readonly PathSegment[]) => {
    reportDuplicateEntries(values, path, problems);
    values?.forEach((value, i) => resolve(value, index.securityGroups, [...path, i], 'UNKNOWN_SECURITY_GROUP', 'security group'));
  };

  reportDuplicateNames(spec.vpc?.peers, ['vpc', 'peers'], 'peer', problems);
  reportDuplicateNames(spec.subnets, ['subnets'], 'subnet', problems);
  reportDuplicateNames(spec.natGateways, ['natGateways'], 'NAT gateway', problems);
  reportDuplicateNames(spec.nodeGroups, ['nodeGroups'], 'node group', problems);
  reportDuplicateNames(spec.securityGroups, ['securityGroups'], 'security group', problems);
  reportDuplicateIds(spec.subnets, ['subnets'], 'id', 'subnet', problems);
  reportDuplicateIds(spec.natGateways, ['natGateways'], 'id', 'NAT gateway', problems);
  reportDuplicateIds(spec.natGateways, ['natGateways'], 'eip', 'NAT gateway', problems);
  reportDuplicateIds(spec.securityGroups, ['securityGroups'], 'id', 'security group', problems);
  reportDuplicateWorkloads(spec, problems);
  reportDuplicateEntries(spec.tags, ['tags'], problems);

  spec.subnets?.forEach((subnet, i) => {
    reportDuplicateEntries(subnet?.roles, ['subnets', i, 'roles'], problems);
    resolve(subnet?.natGateway, index.natGateways, ['subnets', i, 'natGateway'], 'UNKNOWN_NAT_GATEWAY', 'NAT gateway');
    if (subnet?.public === true && subnet.natGateway !== undefined) {
      problems.add(
        ['subnets', i, 'natGateway'],
        'PUBLIC_SUBNET_WITH_NAT_GATEWAY',
        'A public subnet routes 0.0.0.0/0 to the internet gateway; only private subnets route through a NAT gateway.',
      );
    }
  });

  spec.natGateways?.forEach((natGateway, i) => {
    const path = ['natGateways', i, 'subnet'];
    const subnet = resolve(natGateway?.subnet, index.subnets, path, 'UNKNOWN_SUBNET', 'subnet');
    if (subnet === undefined || subnet.public === true) return;
    // A `public` flag of the wrong type is reported already: the subnet is not known to be private.
    if (problems.has(['subnets', index.subnets.entries.indexOf(subnet), 'public'])) return;
    problems.add(
      path,
      'NAT_GATEWAY_SUBNET_NOT_PUBLIC',
      `A NAT gateway must live in a public subnet (one routed to the internet gateway); ${show(natGateway?.subnet)} is private.`,
    );
  });

  const instanceTypes = instanceTypeNames(input);
  spec.nodeGroups?.forEach((nodeGroup, i) => {
    if (nodeGroup === undefined) return;
    reportDuplicateEntries(nodeGroup.subnets, ['nodeGroups', i, 'subnets'], problems);
    nodeGroup.subnets?.forEach((name, j) => resolve(name, index.subnets, ['nodeGroups', i, 'subnets', j], 'UNKNOWN_SUBNET', 'subnet'));
    reportDuplicateEntries(nodeGroup.instanceTypes, ['nodeGroups', i, 'instanceTypes'], problems);
    if (instanceTypes !== undefined) {
      nodeGroup.instanceTypes?.forEach((name, j) => {
        if (name === undefined || instanceTypes.known.has(name)) return;
        problems.add(
          ['nodeGroups', i, 'instanceTypes', j],
          'UNKNOWN_INSTANCE_TYPE',
          `The ${show(instanceTypes.catalog)} catalog has no instance type ${show(name)}.` +
            input.suggestions.didYouMean(name, instanceTypes.list()),
        );
      });
    }
    resolveSecurityGroups(nodeGroup.securityGroups, ['nodeGroups', i, 'securityGroups']);
  });

  spec.workloads?.forEach((workload, i) => {
    resolve(workload?.nodeGroup, index.nodeGroups, ['workloads', i, 'nodeGroup'], 'UNKNOWN_NODE_GROUP', 'node group');
    resolveSecurityGroups(workload?.securityGroups, ['workloads', i, 'securityGroups']);
  });

  const eniConfigAzs = new Map<string, number>();
  spec.cni?.eniConfigs?.forEach((eniConfig, i) => {
    if (eniConfig === undefined) return;
    const subnet = resolve(eniConfig.subnet, index.subnets, ['cni', 'eniConfigs', i, 'subnet'], 'UNKNOWN_SUBNET', 'subnet');
    if (eniConfig.az !== undefined) {
      const earlier = eniConfigAzs.get(eniConfig.az);
      if (earlier === undefined) eniConfigAzs.set(eniConfig.az, i);
      else {
        problems.add(
          ['cni', 'eniConfigs', i, 'az'],
          'DUPLICATE_ENICONFIG_AZ',
          `cni.eniConfigs[${earlier}] already configures ${show(eniConfig.az)}; the CNI picks one ENIConfig per zone.`,
        );
      }
      if (subnet?.az !== undefined && subnet.az !== eniConfig.az) {
        problems.add(
          ['cni', 'eniConfigs', i, 'az'],
          'ENICONFIG_AZ_MISMATCH',
          `The ENIConfig is for ${show(eniConfig.az)} but its subnet ${show(eniConfig.subnet)} is in ${show(subnet.az)}; ` +
            "pod ENIs must be in the node's Availability Zone.",
        );
      }
    }
    resolveSecurityGroups(eniConfig.securityGroups, ['cni', 'eniConfigs', i, 'securityGroups']);
  });

  resolve(spec.clusterSecurityGroup, index.securityGroups, ['clusterSecurityGroup'], 'UNKNOWN_SECURITY_GROUP', 'security group');
  spec.securityGroups?.forEach((group, g) =>
    group?.ingress?.forEach((rule, r) => {
      if (rule?.from === undefined || looksLikeCidr(rule.from)) return;
      resolve(
        rule.from,
        index.securityGroups,
        ['securityGroups', g, 'ingress', r, 'from'],
        'UNKNOWN_SECURITY_GROUP',
        'security group (and it is not a CIDR)',
      );
    }),
  );
}

interface CatalogNames {
  readonly catalog: string;
  readonly known: ReadonlySet<string>;
  list(): readonly string[];
}

/** The catalog's instance-type names, or undefined when they cannot be checked (unknown or unreadable catalog). */
function instanceTypeNames({ spec, context, problems }: RuleInput): CatalogNames | undefined {
  if (problems.has(['catalog'])) return undefined;
  const catalog = spec.catalog ?? DEFAULT_CATALOG;
  const known = context.instanceTypeNames(catalog);
  if (known === undefined) {
    problems.add(['catalog'], 'UNKNOWN_CATALOG', `There is no instance-type catalog named ${show(catalog)}.`);
    return undefined;
  }
  let list: string[] | undefined;
  return { catalog, known, list: () => (list ??= [...known]) };
}

function reportDuplicateNames(
  entries: readonly ({ name?: string } | undefined)[] | undefined,
  listPath: readonly PathSegment[],
  noun: string,
  problems: Problems,
): void {
  const first = new Map<string, number>();
  entries?.forEach((entry, i) => {
    const name = entry?.name;
    if (name === undefined) return;
    const earlier = first.get(name);
    if (earlier === undefined) first.set(name, i);
    else {
      problems.add(
        [...listPath, i, 'name'],
        'DUPLICATE_NAME',
        `The ${noun} name ${show(name)} is already used by ${listPath.join('.')}[${earlier}].`,
      );
    }
  });
}

/** One AWS resource is one entry: two subnets with one ID would double-count its addresses. */
function reportDuplicateIds<K extends 'id' | 'eip'>(
  entries: readonly (Partial<Record<K, string>> | undefined)[] | undefined,
  listPath: readonly PathSegment[],
  key: K,
  noun: string,
  problems: Problems,
): void {
  const first = new Map<string, number>();
  entries?.forEach((entry, i) => {
    const value = entry?.[key];
    if (value === undefined) return;
    const earlier = first.get(value);
    if (earlier === undefined) first.set(value, i);
    else {
      problems.add(
        [...listPath, i, key],
        'DUPLICATE_AWS_ID',
        `The ${noun} ${key} ${show(value)} is already used by ${listPath.join('.')}[${earlier}]; one AWS resource is one entry.`,
      );
    }
  });
}

function reportDuplicateWorkloads(spec: Draft<DesignSpec>, problems: Problems): void {
  const first = new Map<string, number>();
  spec.workloads?.forEach((workload, i) => {
    if (workload?.name === undefined) return;
    // An absent namespace is Kubernetes' `default`.
    const namespace = workload.namespace ?? 'default';
    const key = `${namespace}/${workload.name}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, i);
    else problems.add(['workloads', i, 'name'], 'DUPLICATE_WORKLOAD', `workloads[${earlier}] is already ${show(key)} (namespace/name).`);
  });
}

function reportDuplicateEntries(
  values: readonly (string | undefined)[] | undefined,
  listPath: readonly PathSegment[],
  problems: Problems,
): void {
  const seen = new Set<string>();
  values?.forEach((value, i) => {
    if (value === undefined) return;
    if (seen.has(value)) problems.add([...listPath, i], 'DUPLICATE_ENTRY', `${show(value)} is listed twice.`);
    seen.add(value);
  });
}
