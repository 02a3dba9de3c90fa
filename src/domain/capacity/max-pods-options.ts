/**
 * Validates MaxPodsOptions once (independent of the instance type) and resolves the defaults, so a table over 1,391
 * instance types validates and compiles the nodeadm expression a single time.
 */
import type { InvalidInputCode } from '../errors/error-codes.js';
import { InvalidInputError } from '../errors/planning-error.js';
import { AMI_FAMILIES, DEFAULT_CNI_VERSION, IP_FAMILIES, type AmiFamily, type IpFamily } from '../spec/design-spec.types.js';
import { SOURCES } from './capacity-sources.js';
import {
  DEFAULT_LAUNCHER,
  LAUNCHERS,
  NODE_OPERATING_SYSTEMS,
  type CapacityWarning,
  type Launcher,
  type MaxPodsOptions,
  type NodeOs,
} from './capacity.types.js';
import { cniSupportsIpv6, parseCniVersion, type CniVersion } from './cni-version.js';
import { oneOf, optionalBoolean, optionalWithin, rejectOption, type Reject } from './input-checks.js';
import { OPTION_BOUNDS } from '../spec/option-bounds.js';
import { compileMaxPodsExpression, type CompiledMaxPodsExpression } from './max-pods-expression.js';

export interface ResolvedMaxPodsOptions {
  launcher: Launcher;
  os: NodeOs;
  ipFamily: IpFamily;
  /** ENABLE_PREFIX_DELEGATION as the CNI sees it (forced for IPv6, default on for Auto Mode). */
  prefixDelegation: boolean;
  customNetworking: boolean;
  securityGroupsForPods: boolean;
  showMaxAllowed: boolean;
  cniVersion: CniVersion;
  maxEnis?: number;
  kubeletMaxPods?: number;
  podsPerCore?: number;
  reservedEnis?: number;
  efaOnlyInterfaces?: number;
  expression?: CompiledMaxPodsExpression;
  /** Karpenter AMI family (defaults to AL2023, or WINDOWS for Windows nodes). */
  amiFamily: AmiFamily;
  /** Warnings that do not depend on the instance type. */
  warnings: CapacityWarning[];
}

const MAX_EXPRESSION_LENGTH = OPTION_BOUNDS.maxPodsExpressionLength.max;

export function resolveMaxPodsOptions(options: MaxPodsOptions = {}): ResolvedMaxPodsOptions {
  const launcher = oneOf(options.launcher, LAUNCHERS, DEFAULT_LAUNCHER, rejectOption('INVALID_LAUNCHER', 'launcher'));
  const ipFamily = oneOf(options.ipFamily, IP_FAMILIES, 'IPV4', rejectOption('INVALID_IP_FAMILY', 'ipFamily'));
  const requestedAmiFamily =
    options.amiFamily === undefined
      ? undefined
      : oneOf(options.amiFamily, AMI_FAMILIES, 'AL2023', rejectOption('INVALID_AMI_FAMILY', 'amiFamily'));
  const os = oneOf(
    options.os,
    NODE_OPERATING_SYSTEMS,
    requestedAmiFamily === 'WINDOWS' ? 'WINDOWS' : 'LINUX',
    rejectOption('INVALID_OS', 'os'),
  );
  if (requestedAmiFamily !== undefined && (requestedAmiFamily === 'WINDOWS') !== (os === 'WINDOWS')) {
    throw new InvalidInputError('AMI_FAMILY_OS_MISMATCH', `amiFamily ${requestedAmiFamily} does not run ${os} nodes`, [
      { path: 'amiFamily', message: `conflicts with os ${os}` },
    ]);
  }
  const explicitPrefixDelegation = optionalBoolean(options.prefixDelegation, booleanOption('prefixDelegation'));
  const customNetworking = optionalBoolean(options.customNetworking, booleanOption('customNetworking')) ?? false;
  const securityGroupsForPods = optionalBoolean(options.securityGroupsForPods, booleanOption('securityGroupsForPods')) ?? false;
  const showMaxAllowed = optionalBoolean(options.showMaxAllowed, booleanOption('showMaxAllowed')) ?? false;
  const cniVersion = parseCniVersion(options.cniVersion ?? DEFAULT_CNI_VERSION);
  const maxEnis = optionalWithin(options.maxEnis, OPTION_BOUNDS.maxEnis, rejectOption('INVALID_MAX_ENIS', 'maxEnis'));
  const kubeletMaxPods = optionalWithin(
    options.kubeletMaxPods,
    OPTION_BOUNDS.kubeletMaxPods,
    rejectOption('INVALID_KUBELET_MAX_PODS', 'kubeletMaxPods'),
  );
  const podsPerCore = optionalWithin(options.podsPerCore, OPTION_BOUNDS.podsPerCore, rejectOption('INVALID_PODS_PER_CORE', 'podsPerCore'));
  const reservedEnis = optionalWithin(
    options.reservedEnis,
    OPTION_BOUNDS.reservedEnis,
    rejectOption('INVALID_RESERVED_ENIS', 'reservedEnis'),
  );
  const efaOnlyInterfaces = optionalWithin(
    options.efaOnlyInterfaces,
    OPTION_BOUNDS.efaOnlyInterfaces,
    rejectOption('INVALID_EFA_ONLY_INTERFACES', 'efaOnlyInterfaces'),
  );
  const expressionText = optionalExpression(options.maxPodsExpression);

  rejectImpossibleCombinations({ launcher, os, ipFamily, explicitPrefixDelegation, customNetworking, securityGroupsForPods, cniVersion });

  const prefixDelegation = ipFamily === 'IPV6' ? true : (explicitPrefixDelegation ?? launcher === 'AUTO_MODE');
  const resolved: ResolvedMaxPodsOptions = {
    launcher,
    os,
    ipFamily,
    prefixDelegation,
    customNetworking,
    securityGroupsForPods,
    showMaxAllowed,
    cniVersion,
    maxEnis,
    kubeletMaxPods,
    podsPerCore,
    reservedEnis,
    efaOnlyInterfaces,
    amiFamily: requestedAmiFamily ?? (os === 'WINDOWS' ? 'WINDOWS' : 'AL2023'),
    warnings: [],
  };
  if (expressionText !== undefined) resolved.expression = compileMaxPodsExpression(expressionText);
  resolved.warnings = ignoredOptionWarnings(resolved, options);
  return resolved;
}

interface CombinationInput {
  launcher: Launcher;
  os: NodeOs;
  ipFamily: IpFamily;
  explicitPrefixDelegation: boolean | undefined;
  customNetworking: boolean;
  securityGroupsForPods: boolean;
  cniVersion: CniVersion;
}

/** Combinations no EKS setup can run; each code names the rule. */
function rejectImpossibleCombinations(input: CombinationInput): void {
  const { launcher, os, ipFamily } = input;
  if (os === 'WINDOWS') {
    if (input.securityGroupsForPods) {
      impossible(
        'SECURITY_GROUPS_FOR_PODS_WINDOWS_UNSUPPORTED',
        'Security groups for pods are not supported on Windows nodes',
        'securityGroupsForPods',
        SOURCES.ugSgpp,
      );
    }
    if (input.customNetworking) {
      impossible(
        'CUSTOM_NETWORKING_WINDOWS_UNSUPPORTED',
        'Custom networking is not supported on Windows nodes',
        'customNetworking',
        SOURCES.ugWindows,
      );
    }
    if (ipFamily === 'IPV6')
      impossible('IPV6_WINDOWS_UNSUPPORTED', 'IPv6 is not supported on Windows nodes', 'ipFamily', SOURCES.ugWindows);
    if (launcher === 'FARGATE') impossible('FARGATE_WINDOWS_UNSUPPORTED', 'Fargate runs Linux pods only', 'os', SOURCES.ugWindows);
    if (launcher === 'NODEADM')
      impossible('NODEADM_WINDOWS_UNSUPPORTED', 'nodeadm configures Amazon Linux 2023 nodes only', 'os', SOURCES.nodeadm);
    if (launcher === 'AUTO_MODE')
      impossible('AUTO_MODE_WINDOWS_UNSUPPORTED', 'EKS Auto Mode runs Linux nodes only', 'os', SOURCES.ugAutoNetworking);
  }
  if (launcher === 'AUTO_MODE') {
    if (input.securityGroupsForPods) {
      impossible(
        'SECURITY_GROUPS_FOR_PODS_AUTO_MODE_UNSUPPORTED',
        'Security groups for pods are not supported by EKS Auto Mode',
        'securityGroupsForPods',
        SOURCES.ugAutoNetworking,
      );
    }
    if (input.customNetworking) {
      impossible(
        'CUSTOM_NETWORKING_AUTO_MODE_UNSUPPORTED',
        'EKS Auto Mode does not use ENIConfig custom networking',
        'customNetworking',
        SOURCES.ugAutoNetworking,
      );
    }
  }
  if (ipFamily === 'IPV6') {
    if (input.customNetworking) {
      impossible(
        'IPV6_CUSTOM_NETWORKING_UNSUPPORTED',
        'Custom networking is not supported in IPv6 clusters',
        'customNetworking',
        SOURCES.bpIpv6,
      );
    }
    if (input.explicitPrefixDelegation === false) {
      impossible(
        'IPV6_REQUIRES_PREFIX_DELEGATION',
        'IPv6 clusters run the VPC CNI in prefix mode only (ENABLE_PREFIX_DELEGATION=true)',
        'prefixDelegation',
        SOURCES.cniReadme,
      );
    }
    if (!cniSupportsIpv6(input.cniVersion)) {
      impossible(
        'IPV6_REQUIRES_CNI_1_10_1',
        `IPv6 needs VPC CNI 1.10.1 or later (got ${input.cniVersion.text})`,
        'cniVersion',
        SOURCES.cniReadme,
      );
    }
  }
}

function impossible(code: InvalidInputCode, message: string, path: string, source: string): never {
  throw new InvalidInputError(code, `${message} (${source}).`, [{ path, message, code }]);
}

/** Options that the chosen launcher does not read are reported, not silently dropped. */
function ignoredOptionWarnings(resolved: ResolvedMaxPodsOptions, options: MaxPodsOptions): CapacityWarning[] {
  const warnings: CapacityWarning[] = [];
  const { launcher } = resolved;
  const ignore = (option: string, why: string): void => {
    warnings.push({ code: 'OPTION_IGNORED', message: `${option} is ignored with launcher ${launcher}: ${why}` });
  };
  if (resolved.showMaxAllowed && launcher !== 'CALCULATOR') {
    ignore(
      'showMaxAllowed',
      launcher === 'MANAGED_NODE_GROUP' ? 'managed node groups always apply the 110/250 cap' : 'it is a max-pods-calculator.sh flag',
    );
  }
  if (options.maxPodsExpression !== undefined && launcher !== 'NODEADM') {
    ignore(
      'maxPodsExpression',
      launcher === 'MANAGED_NODE_GROUP'
        ? 'a managed node group without a custom AMI injects its own maxPods, which overrides the expression (model a custom AMI with launcher NODEADM)'
        : 'it is an AL2023 nodeadm setting',
    );
  }
  if (resolved.reservedEnis !== undefined && launcher !== 'KARPENTER') ignore('reservedEnis', 'it is a Karpenter setting (RESERVED_ENIS)');
  if (resolved.efaOnlyInterfaces !== undefined && launcher !== 'KARPENTER') {
    ignore('efaOnlyInterfaces', 'it models the networkInterfaces of a Karpenter EC2NodeClass');
  }
  if (launcher === 'NODEADM' && (resolved.amiFamily === 'AL2' || resolved.amiFamily === 'BOTTLEROCKET')) {
    warnings.push({
      code: 'NODEADM_CONFIGURES_AL2023_ONLY',
      message: `nodeadm configures AL2023 nodes only (it runs from a systemd unit of the AL2023 EKS AMIs, ${SOURCES.nodeadmAl2023Only}); ${
        resolved.amiFamily === 'AL2'
          ? 'AL2 nodes run bootstrap.sh (model them with launcher ENI_FORMULA or CALCULATOR)'
          : 'Bottlerocket nodes take settings.kubernetes.max-pods from their TOML user data, not a NodeConfig'
      }, so these are nodeadm's numbers, not that node's.`,
    });
  }
  if (resolved.podsPerCore !== undefined && launcher !== 'KARPENTER') ignore('podsPerCore', 'only the Karpenter model applies podsPerCore');
  if (resolved.kubeletMaxPods !== undefined) {
    if (launcher === 'MANAGED_NODE_GROUP') {
      warnings.push({
        code: 'MANAGED_NODE_GROUP_OVERRIDES_MAX_PODS',
        message:
          'A managed node group without a custom AMI injects its own maxPods (capped at 110/250) and overrides a kubelet maxPods; use a custom AMI (model it with launcher NODEADM) to set your own value.',
      });
    } else if (launcher === 'AUTO_MODE' || launcher === 'FARGATE') {
      ignore('kubeletMaxPods', 'the kubelet is not configurable there');
    }
  }
  if (launcher === 'FARGATE') {
    if (options.prefixDelegation === true) ignore('prefixDelegation', 'each Fargate pod gets one address on its own ENI');
    if (resolved.customNetworking) ignore('customNetworking', 'Fargate pods take addresses from the Fargate profile subnets');
    if (resolved.maxEnis !== undefined) ignore('maxEnis', 'Fargate pods are not placed on ENIs of an EC2 node');
  }
  return warnings;
}

function booleanOption(path: string): Reject {
  return rejectOption('INVALID_OPTION', path, { detail: 'must be a boolean' });
}

function optionalExpression(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && value.length <= MAX_EXPRESSION_LENGTH) return value;
  throw new InvalidInputError(
    'INVALID_MAX_PODS_EXPRESSION',
    `maxPodsExpression must be a non-empty CEL expression of at most ${MAX_EXPRESSION_LENGTH} characters`,
    [{ path: 'maxPodsExpression', message: 'must be a non-empty string' }],
  );
}
