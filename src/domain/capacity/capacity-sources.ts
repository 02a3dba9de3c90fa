/**
 * Where each rule comes from (capacity.md §0). Steps and warnings cite these so a reader can check the
 * arithmetic against the upstream code or document; SOURCE_TAGS names the sources-table entry of each, so every
 * step's `source` resolves to a link (docs/sources.md). The links are not repeated in every step of an answer: a
 * whole-catalog table has thousands of steps and would double in size.
 */
import { citationsIn, type Citation } from '../sources/citations.js';

export const SOURCES = {
  cniLimits: 'aws/amazon-vpc-cni-k8s pkg/vpc/vpc_ip_resource_limit.go',
  cniGenerator: 'aws/amazon-vpc-cni-k8s scripts/gen_vpc_ip_limits.go (misc/eni-max-pods.txt)',
  cniAwsUtils: 'aws/amazon-vpc-cni-k8s pkg/awsutils/awsutils.go GetENIIPv4Limit',
  cniIpamd: 'aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go',
  cniIpamdPoolLow: 'aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go isDatastorePoolTooLow',
  cniIpamdTargets: 'aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go datastoreTargetState',
  cniIpamdRoomForEni: 'aws/amazon-vpc-cni-k8s pkg/ipamd/ipamd.go hasRoomForEni',
  cniDatastore: 'aws/amazon-vpc-cni-k8s pkg/ipamd/datastore/data_store.go GetAllocatableENIs',
  cniReadme: 'aws/amazon-vpc-cni-k8s README.md',
  cniEniTargetDoc: 'aws/amazon-vpc-cni-k8s docs/eni-and-ip-target.md',
  cniPrefixTargetDoc: 'aws/amazon-vpc-cni-k8s docs/prefix-and-ip-target.md',
  cniManifest: 'aws/amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml',
  cniTrunkNoIps: 'aws/amazon-vpc-cni-k8s PR #2801 (v1.16.4); awslabs/amazon-eks-ami#2051',
  calculator: 'awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh',
  /** `VERSION_SPLIT=(${CNI_VERSION//./ })`: only the major and minor fields are read. */
  calculatorCniVersion:
    'awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh@0ab842803d827b8087d78dd2eff0bc408caec771 L114-L117',
  /** The 110/250 cap on CPU_COUNT (the script's last version before AL2 support was removed in b2289030). */
  calculatorCap: 'awslabs/amazon-eks-ami templates/al2/runtime/max-pods-calculator.sh@0ab842803d827b8087d78dd2eff0bc408caec771 L148-L162',
  nodeadm: 'awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni_max_pods.go',
  nodeadmKubeReserved: 'awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go getMemoryMebibytesToReserve',
  /** nodeadm sets kube-reserved memory from its own maxPods (standard or expression) before the user's kubelet config. */
  nodeadmKubeReservedOrder:
    'awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go@81fec2e895854f599974fe4d3d72f61c0a9aaffa L274-L287 withDefaultReservedResources, L442-L443',
  /** nodeadm e2e: maxPodsExpression `max_pods + 2` and kubelet maxPods 1 on m4.xlarge → maxPods 60, memory 915Mi. */
  nodeadmKubeReservedE2e:
    'awslabs/amazon-eks-ami nodeadm/test/e2e/cases/custom-max-pods-expression/scenarios/kubelet-config-max-pods/expected.json@81fec2e895854f599974fe4d3d72f61c0a9aaffa L52, L61',
  nodeadmKubeReservedCpu: 'awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go getCPUMillicoresToReserve',
  /** "This happens automatically, via a systemd service, on AL2023-based EKS AMI's." */
  nodeadmAl2023Only: 'awslabs/amazon-eks-ami nodeadm/README.md@81fec2e895854f599974fe4d3d72f61c0a9aaffa L14-L15',
  nodeadmTypes: 'awslabs/amazon-eks-ami nodeadm/api/v1alpha1/nodeconfig_types.go',
  karpenter: 'aws/karpenter-provider-aws pkg/providers/instancetype/types.go',
  /** kubeReservedResources(cpu, ENILimitedPods(ctx, info, 0, nics) or pods(…)): 11 × pods + 255 MiB. */
  karpenterKubeReserved:
    'aws/karpenter-provider-aws pkg/providers/instancetype/types.go@1d927085dd81a9df9301e613f371dac5b4d16bfe L304-L306, L678-L681',
  /** UsesENILimitedMemoryOverhead: true for the default family (AL2, AL2023, Custom), false for Bottlerocket and Windows. */
  karpenterMemoryOverheadFlags:
    'aws/karpenter-provider-aws pkg/providers/amifamily/resolver.go@1d927085dd81a9df9301e613f371dac5b4d16bfe L148-L155; bottlerocket.go L209-L214; windows.go L101-L106',
  /** ENILimitedPods subtracts EFA-only interfaces on network card 0 with the reserved ENIs. */
  karpenterEniLimitedPods:
    'aws/karpenter-provider-aws pkg/providers/instancetype/types.go@1d927085dd81a9df9301e613f371dac5b4d16bfe L641-L661',
  karpenterAmiFamilies: 'aws/karpenter-provider-aws pkg/providers/amifamily/{resolver,windows,bottlerocket}.go',
  karpenterPdIssue: 'aws/karpenter-provider-aws#8210',
  karpenterSettings: 'aws/karpenter-provider-aws website/content/en/docs/reference/settings.md (RESERVED_ENIS)',
  resourceControllerLimits: 'aws/amazon-vpc-resource-controller-k8s pkg/aws/vpc/limits.go',
  resourceControllerIp: 'aws/amazon-vpc-resource-controller-k8s pkg/provider/ip/provider.go',
  resourceControllerPrefix: 'aws/amazon-vpc-resource-controller-k8s pkg/provider/prefix/provider.go',
  resourceControllerConfig: 'aws/amazon-vpc-resource-controller-k8s pkg/config/loader.go',
  bpVpcCni: 'aws/aws-eks-best-practices latest/bpg/networking/vpc-cni.adoc',
  bpPrefixLinux: 'aws/aws-eks-best-practices latest/bpg/networking/prefix-mode_linux.adoc',
  bpPrefixWindows: 'aws/aws-eks-best-practices latest/bpg/networking/prefix-mode_windows.adoc',
  bpWindowsNetworking: 'aws/aws-eks-best-practices latest/bpg/windows/networking.adoc',
  bpSgpp: 'aws/aws-eks-best-practices latest/bpg/networking/sgpp.adoc',
  bpIpv6: 'aws/aws-eks-best-practices latest/bpg/networking/ipv6.adoc',
  bpSubnets: 'aws/aws-eks-best-practices latest/bpg/networking/subnets.adoc',
  bpCustomNetworking: 'aws/aws-eks-best-practices latest/bpg/networking/custom-networking.adoc',
  bpIpOptimization: 'aws/aws-eks-best-practices latest/bpg/networking/ip-optimization-strategies.adoc',
  ugMaxPods: 'https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html#max-pods-precedence',
  ugIncreaseIps: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-increase-ip-addresses-procedure.html',
  ugNetworkReqs: 'https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html',
  ugSgpp: 'https://docs.aws.amazon.com/eks/latest/userguide/security-groups-for-pods.html',
  ugAutoNetworking: 'https://docs.aws.amazon.com/eks/latest/userguide/auto-networking.html',
  ugFargate: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html',
  ugWindows: 'awsdocs/amazon-eks-user-guide latest/ug/clusters/windows-support.adoc',
  ugCustomNetworking: 'https://docs.aws.amazon.com/eks/latest/userguide/cni-custom-network.html',
  vpcSubnetSizing: 'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
  lbcSubnetResolver: 'kubernetes-sigs/aws-load-balancer-controller pkg/networking/subnet_resolver.go',
  customNetworkingIssues: 'aws/amazon-vpc-cni-k8s#331, awslabs/amazon-eks-ami#375, aws/amazon-vpc-cni-k8s#3238',
  cidrReservationIssue: 'aws/amazon-vpc-cni-k8s#2749',
  warmEniTargetIssue: 'aws/amazon-vpc-cni-k8s#2294',
  derived: 'derived from the rules cited in the other steps',
} as const;

/** The sources-table tags of each source above (null: nothing upstream to link, e.g. a derived figure). */
const SOURCE_TAGS: Record<keyof typeof SOURCES, string | null> = {
  cniLimits: '[CNI-LIMITS]',
  cniGenerator: '[CNI-LIMITS-GEN]',
  cniAwsUtils: '[CNI-AWSUTILS]',
  cniIpamd: '[CNI-IPAMD]',
  cniIpamdPoolLow: '[CNI-IPAMD]',
  cniIpamdTargets: '[CNI-IPAMD]',
  cniIpamdRoomForEni: '[CNI-IPAMD]',
  cniDatastore: '[CNI-DATASTORE]',
  cniReadme: '[CNI]',
  cniEniTargetDoc: '[CNI-ENI-TARGET]',
  cniPrefixTargetDoc: '[CNI-PREFIX-TARGET]',
  cniManifest: '[CNI-MANIFEST]',
  cniTrunkNoIps: '[ISSUE] amazon-vpc-cni-k8s#2801, amazon-eks-ami#2051',
  calculator: '[CALC]',
  nodeadm: '[NODEADM-ENI]',
  nodeadmKubeReserved: '[NODEADM-KUBELET]',
  nodeadmKubeReservedCpu: '[NODEADM-KUBELET]',
  nodeadmTypes: '[NODEADM-TYPES]',
  karpenter: '[KARP-TYPES]',
  karpenterAmiFamilies: '[KARP-AMI]',
  karpenterPdIssue: '[ISSUE] karpenter-provider-aws#8210',
  karpenterSettings: '[KARP-SETTINGS]',
  resourceControllerLimits: '[RC-LIMITS]',
  resourceControllerIp: '[RC-IP]',
  resourceControllerPrefix: '[RC-PREFIX]',
  resourceControllerConfig: '[RC-CONFIG]',
  bpVpcCni: '[BPG-VPC-CNI]',
  bpPrefixLinux: '[BPG-PD-LINUX]',
  bpPrefixWindows: '[BPG-PD-WINDOWS]',
  bpWindowsNetworking: '[BPG-WINDOWS-NET]',
  bpSgpp: '[BPG-SGP]',
  bpIpv6: '[BPG-V6]',
  bpSubnets: '[BPG-SUBNETS]',
  ugMaxPods: '[UG-MAX-PODS]',
  ugIncreaseIps: '[UG-INCREASE-IPS]',
  ugNetworkReqs: '[UG-NETWORK-REQS]',
  ugSgpp: '[EKS-SGP]',
  ugAutoNetworking: '[UG-AUTO-NETWORKING]',
  ugFargate: '[UG-FARGATE]',
  ugWindows: '[UG-WINDOWS]',
  ugCustomNetworking: '[UG-CUSTOM-NETWORKING]',
  vpcSubnetSizing: '[VPC-SUBNET-SIZING]',
  lbcSubnetResolver: '[LBC-CODE-SR]',
  customNetworkingIssues: '[ISSUE] amazon-vpc-cni-k8s#331, amazon-eks-ami#375, amazon-vpc-cni-k8s#3238',
  cidrReservationIssue: '[ISSUE] amazon-vpc-cni-k8s#2749',
  calculatorCniVersion: '[CALC] L114-117',
  calculatorCap: '[CALC] L148-162',
  nodeadmKubeReservedOrder: '[NODEADM-KUBELET] L274-287, L442-443',
  nodeadmKubeReservedE2e: '[NODEADM-E2E-MAX-PODS] L52, L61',
  nodeadmAl2023Only: '[NODEADM-README] L14-15',
  karpenterKubeReserved: '[KARP-TYPES] L304-306, L678-681',
  karpenterMemoryOverheadFlags: '[KARP-AMI] L148-155',
  karpenterEniLimitedPods: '[KARP-TYPES] L641-661',
  bpCustomNetworking: '[BPG-CN]',
  bpIpOptimization: '[BPG-IP-OPT]',
  warmEniTargetIssue: '[ISSUE] amazon-vpc-cni-k8s#2294',
  derived: null,
};

/** Resolved once: a max-pods table runs thousands of steps. */
const CITATIONS_BY_SOURCE = new Map<string, readonly Citation[]>(
  Object.entries(SOURCES).map(([key, text]) => [text, citationsIn(SOURCE_TAGS[key as keyof typeof SOURCES])]),
);

/** The links of a step's `source` (one of SOURCES, or the caller's own input such as 'request'). */
export function citationsOfSource(source: string): Citation[] {
  return [...(CITATIONS_BY_SOURCE.get(source) ?? [])];
}
