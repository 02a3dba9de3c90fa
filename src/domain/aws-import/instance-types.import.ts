/**
 * `aws ec2 describe-instance-types` (verbatim) → catalog instance types. InstanceTypeInfo: `VCpuInfo.DefaultVCpus`,
 * `Hypervisor` (nitro | xen; absent for bare metal → UNKNOWN), `BareMetal`, `NetworkInfo.NetworkCards[]`
 * (`NetworkCardIndex`, `MaximumNetworkInterfaces`), `NetworkInfo.DefaultNetworkCardIndex` and
 * `NetworkInfo.Ipv4AddressesPerInterface`. The VPC CNI attaches ENIs on the default network card only, so maxEnis is that
 * card's MaximumNetworkInterfaces. Branch-ENI (trunking) limits are not in this output: a type the `aws` catalog knows
 * keeps its own; any other is unknown, with a warning.
 */
import { InvalidInputError } from '../errors/planning-error.js';
import { familyOf, type Hypervisor, type InstanceTypeRecord, type NetworkCard } from '../catalog/instance-type.js';
import { assertOutputOf } from './aws-bundle.reader.js';
import type { AwsImportWarning } from './aws-import.types.js';
import { JsonNode, Problems } from './aws-json.reader.js';

export interface InstanceTypesImport {
  instanceTypes: InstanceTypeRecord[];
  warnings: AwsImportWarning[];
}

const HYPERVISORS: Readonly<Record<string, Hypervisor>> = { nitro: 'NITRO', xen: 'XEN' };
const INSTANCE_TYPE_NAME = /^[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/;

export function importInstanceTypes(output: unknown, known: (name: string) => InstanceTypeRecord | undefined): InstanceTypesImport {
  let value = output;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (error) {
      throw new InvalidInputError('AWS_INSTANCE_TYPES_INVALID', `instanceTypes is not JSON: ${(error as Error).message}.`, [
        { path: 'instanceTypes', message: 'not JSON' },
      ]);
    }
  }
  assertOutputOf('instanceTypes', value, 'instanceTypes');
  const problems = new Problems();
  const root = new JsonNode(value, 'instanceTypes', problems);
  const warnings: AwsImportWarning[] = [];
  const seen = new Set<string>();
  const unknownBranch: string[] = [];
  const instanceTypes = root.list('InstanceTypes', true).flatMap((item): InstanceTypeRecord[] => {
    const name = item.string('InstanceType', true);
    const network = item.field('NetworkInfo');
    const ipv4PerEni = network.number('Ipv4AddressesPerInterface', true);
    const defaultCard = network.number('DefaultNetworkCardIndex') ?? 0;
    const cards: NetworkCard[] = network.list('NetworkCards').flatMap((card) => {
      const index = card.number('NetworkCardIndex', true);
      const maxEnis = card.number('MaximumNetworkInterfaces', true);
      return index === undefined || maxEnis === undefined ? [] : [{ index, maxEnis }];
    });
    const maxEnis = cards.find((card) => card.index === defaultCard)?.maxEnis ?? network.number('MaximumNetworkInterfaces', true);
    const rawHypervisor = item.string('Hypervisor');
    const vcpu = item.field('VCpuInfo').number('DefaultVCpus') ?? null;
    const bareMetal = item.boolean('BareMetal') ?? false;
    if (name === undefined || ipv4PerEni === undefined || maxEnis === undefined) return [];
    if (!INSTANCE_TYPE_NAME.test(name)) {
      problems.add(`${item.path}.InstanceType`, `${JSON.stringify(name)} is not an instance type name such as m5.large.`);
      return [];
    }
    if (seen.has(name)) {
      problems.add(`${item.path}.InstanceType`, `${name} is listed twice.`);
      return [];
    }
    seen.add(name);
    const shipped = known(name);
    if (shipped === undefined) unknownBranch.push(name);
    return [
      {
        name,
        family: familyOf(name),
        vcpu,
        maxEnis,
        ipv4PerEni,
        hypervisor: rawHypervisor !== undefined && Object.hasOwn(HYPERVISORS, rawHypervisor) ? HYPERVISORS[rawHypervisor] : 'UNKNOWN',
        bareMetal,
        networkCards: cards.length > 0 ? cards : [{ index: 0, maxEnis }],
        defaultNetworkCardIndex: defaultCard,
        branchInterfaces: shipped?.branchInterfaces ?? null,
        trunkingCompatible: shipped?.trunkingCompatible ?? null,
      },
    ];
  });
  const [first] = problems.details;
  if (first !== undefined) {
    throw new InvalidInputError(
      'AWS_INSTANCE_TYPES_INVALID',
      `The describe-instance-types output cannot be read at ${first.path}: ${first.message}`,
      problems.details,
    );
  }
  if (instanceTypes.length === 0) {
    throw new InvalidInputError('AWS_INSTANCE_TYPES_INVALID', 'instanceTypes.InstanceTypes is empty.', [
      { path: 'instanceTypes.InstanceTypes', message: 'no instance type' },
    ]);
  }
  if (unknownBranch.length > 0) {
    warnings.push({
      code: 'INSTANCE_TYPE_BRANCH_ENIS_UNKNOWN',
      message: `${unknownBranch.length} type${unknownBranch.length === 1 ? '' : 's'} unknown to the aws catalog (${unknownBranch.slice(0, 10).join(', ')}${unknownBranch.length > 10 ? ', …' : ''}): branch ENIs and trunking are unknown, so security groups for pods cannot be planned on them.`,
      path: 'instanceTypes.InstanceTypes',
    });
  }
  return { instanceTypes, warnings };
}
