/**
 * The project's one table of sources: every bracket tag the code, the answers and the README cite (`[LBC-IA] L30`,
 * `[EKS-NLB] L93`, `[ELB-ALB-XFF]`) resolves here to a public page or to a file of a public repository at the commit that
 * was read, so a line number always points at the line that was meant. docs/sources.md is generated from this table
 * (`npm run contracts`) and a test fails when code or README cites a tag the table lacks.
 */

/** A file of a public GitHub repository, read at one commit. Line locators (`L30`, `L216-231`) point into it. */
export interface RepositoryFileSource {
  readonly kind: 'REPOSITORY_FILE';
  readonly title: string;
  /** `owner/name` on github.com. */
  readonly repository: string;
  readonly commit: string;
  readonly path: string;
  /** The published page of the same document, when there is one (anchors like `#type-nodeport` resolve there). */
  readonly page?: string;
}

/** A public documentation page; locators are anchors (`#client-ip-preservation`). */
export interface PageSource {
  readonly kind: 'PAGE';
  readonly title: string;
  readonly url: string;
}

/** GitHub issues and pull requests, cited as `[ISSUE] <short repository>#<number>`. */
export interface IssueTrackerSource {
  readonly kind: 'ISSUES';
  readonly title: string;
  /** Short names used after the tag → `owner/name`. */
  readonly repositories: Readonly<Record<string, string>>;
}

export type Source = RepositoryFileSource | PageSource | IssueTrackerSource;

/** kubernetes-sigs/aws-load-balancer-controller, as read for the exposure engine. */
const LBC = { repository: 'kubernetes-sigs/aws-load-balancer-controller', commit: '225f44568848eb25f13e304a5f1cc68c0cd9415d' };
/** aws/amazon-vpc-cni-k8s (v1.23.1). */
const CNI = { repository: 'aws/amazon-vpc-cni-k8s', commit: 'b52188387f2e2f10bf289ace929d6a63b176a4fa' };
/** aws/aws-eks-best-practices, published as the EKS Best Practices Guide. */
const BPG = { repository: 'aws/aws-eks-best-practices', commit: 'dc0243ad2cf41ff631097731852f18827de332c2' };
/** kubernetes/cloud-provider-aws (the in-tree AWS cloud provider's load-balancer code). */
const CCM = { repository: 'kubernetes/cloud-provider-aws', commit: '63ec440c3275321b55afa45480e2fdfd2b0e93c4' };
/** awslabs/amazon-eks-ami: the AL2 max-pods calculator as last present before AL2 support was removed. */
const EKS_AMI_AL2 = { repository: 'awslabs/amazon-eks-ami', commit: '0ab842803d827b8087d78dd2eff0bc408caec771' };
/** awslabs/amazon-eks-ami: AL2023 nodeadm. */
const NODEADM = { repository: 'awslabs/amazon-eks-ami', commit: '81fec2e895854f599974fe4d3d72f61c0a9aaffa' };
/** aws/karpenter-provider-aws (v1.14 docs). */
const KARPENTER = { repository: 'aws/karpenter-provider-aws', commit: '1d927085dd81a9df9301e613f371dac5b4d16bfe' };
/** aws/amazon-vpc-resource-controller-k8s (branch ENIs, Windows IPs and prefixes). */
const RESOURCE_CONTROLLER = { repository: 'aws/amazon-vpc-resource-controller-k8s', commit: 'b8d425119bdba371202882b808f202c6073a46cc' };
const EKS_UG = 'awsdocs/amazon-eks-user-guide';
const K8S_WEBSITE = 'kubernetes/website';
const EKS_UG_PAGES = 'https://docs.aws.amazon.com/eks/latest/userguide';
const BPG_PAGES = 'https://docs.aws.amazon.com/eks/latest/best-practices';

function file(base: { repository: string; commit: string }, path: string, title: string, page?: string): RepositoryFileSource {
  return { kind: 'REPOSITORY_FILE', title, ...base, path, ...(page ? { page } : {}) };
}

function page(url: string, title: string): PageSource {
  return { kind: 'PAGE', title, url };
}

export const SOURCES_TABLE = {
  // ---- AWS Load Balancer Controller: documentation
  'LBC-SA': file(LBC, 'docs/guide/service/annotations.md', 'AWS Load Balancer Controller: Service annotations'),
  'LBC-IA': file(LBC, 'docs/guide/ingress/annotations.md', 'AWS Load Balancer Controller: Ingress annotations'),
  'LBC-NLB': file(LBC, 'docs/guide/service/nlb.md', 'AWS Load Balancer Controller: Network Load Balancer guide'),
  'LBC-SUB': file(LBC, 'docs/deploy/subnet_discovery.md', 'AWS Load Balancer Controller: subnet discovery'),
  'LBC-SG': file(LBC, 'docs/deploy/security_groups.md', 'AWS Load Balancer Controller: security groups'),
  'LBC-HIW': file(LBC, 'docs/how-it-works.md', 'AWS Load Balancer Controller: how it works'),
  'LBC-IC': file(LBC, 'docs/guide/ingress/ingress_class.md', 'AWS Load Balancer Controller: IngressClass'),
  'LBC-CFG': file(LBC, 'docs/deploy/configurations.md', 'AWS Load Balancer Controller: controller flags and feature gates'),
  'LBC-HELM': file(LBC, 'helm/aws-load-balancer-controller/values.yaml', 'AWS Load Balancer Controller: Helm chart defaults'),
  // ---- AWS Load Balancer Controller: code
  'LBC-CODE-PARSER': file(LBC, 'pkg/annotations/parser.go', 'LBC: annotation value parsing (stringMap, stringList, int32)'),
  'LBC-CODE-TG': file(LBC, 'pkg/service/model_build_target_group.go', 'LBC: target groups built for a Service'),
  'LBC-CODE-LB': file(LBC, 'pkg/service/model_build_load_balancer.go', 'LBC: NLB built for a Service'),
  'LBC-CODE-MB': file(LBC, 'pkg/service/model_builder.go', 'LBC: Service model builder'),
  'LBC-CODE-SU': file(LBC, 'pkg/service/service_utils.go', 'LBC: which Services the controller claims'),
  'LBC-CODE-MUT': file(LBC, 'webhooks/core/service_mutator.go', 'LBC: Service mutating webhook'),
  'LBC-CODE-GL': file(LBC, 'pkg/ingress/group_loader.go', 'LBC: IngressGroup loading'),
  'LBC-CODE-ILB': file(LBC, 'pkg/ingress/model_build_load_balancer.go', 'LBC: ALB built for an IngressGroup'),
  'LBC-CODE-ITG': file(LBC, 'pkg/ingress/model_build_target_group.go', 'LBC: target groups built for an Ingress'),
  'LBC-CODE-IL': file(LBC, 'pkg/ingress/model_build_listener.go', 'LBC: ALB listeners'),
  'LBC-CODE-SR': file(LBC, 'pkg/networking/subnet_resolver.go', 'LBC: subnet resolution'),
  // ---- Amazon VPC CNI
  CNI: file(CNI, 'README.md', 'Amazon VPC CNI: README (environment variables and their behaviour)'),
  'CNI-NET': file(CNI, 'pkg/networkutils/network.go', 'Amazon VPC CNI: node iptables SNAT rules'),
  'CNI-PROP': file(CNI, 'docs/cni-proposal.md', 'Amazon VPC CNI: design proposal (pod networking)'),
  'CNI-LIMITS': file(CNI, 'pkg/vpc/vpc_ip_resource_limit.go', 'Amazon VPC CNI: ENI and IPv4 limits per instance type'),
  'CNI-LIMITS-GEN': file(CNI, 'scripts/gen_vpc_ip_limits.go', 'Amazon VPC CNI: generator of the limits and of eni-max-pods.txt'),
  'CNI-AWSUTILS': file(CNI, 'pkg/awsutils/awsutils.go', 'Amazon VPC CNI: AWS helpers (usable IPv4 addresses per ENI)'),
  'CNI-IPAMD': file(CNI, 'pkg/ipamd/ipamd.go', 'Amazon VPC CNI: ipamd warm pools and ENI allocation'),
  'CNI-DATASTORE': file(CNI, 'pkg/ipamd/datastore/data_store.go', 'Amazon VPC CNI: ipamd datastore (allocatable ENIs)'),
  'CNI-ENI-TARGET': file(CNI, 'docs/eni-and-ip-target.md', 'Amazon VPC CNI: WARM_ENI_TARGET, WARM_IP_TARGET, MINIMUM_IP_TARGET'),
  'CNI-PREFIX-TARGET': file(CNI, 'docs/prefix-and-ip-target.md', 'Amazon VPC CNI: WARM_PREFIX_TARGET with prefix delegation'),
  'CNI-MANIFEST': file(CNI, 'config/master/aws-k8s-cni.yaml', 'Amazon VPC CNI: default aws-node manifest'),
  // ---- EKS AMI, nodeadm, Karpenter and the VPC resource controller (max pods per launcher)
  CALC: file(EKS_AMI_AL2, 'templates/al2/runtime/max-pods-calculator.sh', 'Amazon EKS AMI (AL2): max-pods-calculator.sh'),
  'NODEADM-ENI': file(NODEADM, 'nodeadm/internal/kubelet/eni_max_pods.go', 'Amazon EKS AMI (AL2023) nodeadm: default max pods'),
  'NODEADM-KUBELET': file(NODEADM, 'nodeadm/internal/kubelet/config.go', 'Amazon EKS AMI (AL2023) nodeadm: kubelet reservations'),
  'NODEADM-E2E-MAX-PODS': file(
    NODEADM,
    'nodeadm/test/e2e/cases/custom-max-pods-expression/scenarios/kubelet-config-max-pods/expected.json',
    'Amazon EKS AMI (AL2023) nodeadm e2e: maxPodsExpression with a kubelet maxPods drop-in (expected kubelet config)',
  ),
  'NODEADM-README': file(NODEADM, 'nodeadm/README.md', 'Amazon EKS AMI (AL2023) nodeadm: README (AL2023 only)'),
  'NODEADM-TYPES': file(
    NODEADM,
    'nodeadm/api/v1alpha1/nodeconfig_types.go',
    'Amazon EKS AMI (AL2023) nodeadm: NodeConfig (maxPodsExpression)',
  ),
  'KARP-TYPES': file(
    KARPENTER,
    'pkg/providers/instancetype/types.go',
    'Karpenter: instance-type capacity (ENI-limited pods, reserved ENIs)',
  ),
  'KARP-AMI': file(
    KARPENTER,
    'pkg/providers/amifamily/resolver.go',
    'Karpenter: AMI family resolution (Windows and Bottlerocket pod density)',
  ),
  'KARP-SETTINGS': file(KARPENTER, 'website/content/en/docs/reference/settings.md', 'Karpenter: settings (RESERVED_ENIS)'),
  'RC-LIMITS': file(RESOURCE_CONTROLLER, 'pkg/aws/vpc/limits.go', 'VPC resource controller: branch ENIs and trunking per instance type'),
  'RC-IP': file(RESOURCE_CONTROLLER, 'pkg/provider/ip/provider.go', 'VPC resource controller: Windows secondary IPs'),
  'RC-PREFIX': file(RESOURCE_CONTROLLER, 'pkg/provider/prefix/provider.go', 'VPC resource controller: Windows prefixes'),
  'RC-CONFIG': file(RESOURCE_CONTROLLER, 'pkg/config/loader.go', 'VPC resource controller: Windows warm-pool settings'),
  // ---- Amazon EKS User Guide (source files at the commit read; published pages alongside)
  'EKS-NLB': file(
    { repository: EKS_UG, commit: 'd120afda577d0eebdba830cc997564a801c02bfa' },
    'doc_source/network-load-balancing.md',
    'Amazon EKS User Guide: Network Load Balancers',
    `${EKS_UG_PAGES}/network-load-balancing.html`,
  ),
  'EKS-ALB': file(
    { repository: EKS_UG, commit: 'd120afda577d0eebdba830cc997564a801c02bfa' },
    'doc_source/alb-ingress.md',
    'Amazon EKS User Guide: Application Load Balancers',
    `${EKS_UG_PAGES}/alb-ingress.html`,
  ),
  'EKS-SGP': file(
    { repository: EKS_UG, commit: 'd120afda577d0eebdba830cc997564a801c02bfa' },
    'doc_source/security-groups-for-pods.md',
    'Amazon EKS User Guide: security groups for Pods',
    `${EKS_UG_PAGES}/security-groups-for-pods.html`,
  ),
  'EKS-IPV6': file(
    { repository: EKS_UG, commit: '7b4503f6cf90e7b3d71d65ba086cf335f85cefe2' },
    'doc_source/cni-ipv6.md',
    'Amazon EKS User Guide: IPv6 addresses for clusters, Pods and Services',
    `${EKS_UG_PAGES}/cni-ipv6.html`,
  ),
  'EKS-SNAT': file(
    { repository: EKS_UG, commit: '6f375fde0532d8a6137ea1ac9f37f6ee72314672' },
    'doc_source/external-snat.md',
    'Amazon EKS User Guide: SNAT for Pods',
    `${EKS_UG_PAGES}/external-snat.html`,
  ),
  'EKS-EP': file(
    { repository: EKS_UG, commit: '4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7' },
    'latest/ug/clusters/cluster-endpoint.adoc',
    'Amazon EKS User Guide: cluster API server endpoint access',
    `${EKS_UG_PAGES}/cluster-endpoint.html`,
  ),
  'EKS-SGR': file(
    { repository: EKS_UG, commit: '4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7' },
    'latest/ug/networking/sec-group-reqs.adoc',
    'Amazon EKS User Guide: security group requirements',
    `${EKS_UG_PAGES}/sec-group-reqs.html`,
  ),
  'EKS-CC': file(
    { repository: EKS_UG, commit: '4d52b4d05e3478582e7d10a73cbd9ba9194dd5f7' },
    'latest/ug/clusters/create-cluster.adoc',
    'Amazon EKS User Guide: creating a cluster',
    `${EKS_UG_PAGES}/create-cluster.html`,
  ),
  'UG-MAX-PODS': page(
    `${EKS_UG_PAGES}/choosing-instance-type.html#max-pods-precedence`,
    'Amazon EKS User Guide: how maxPods is determined',
  ),
  'UG-INCREASE-IPS': page(`${EKS_UG_PAGES}/cni-increase-ip-addresses-procedure.html`, 'Amazon EKS User Guide: prefix delegation'),
  'UG-NETWORK-REQS': page(`${EKS_UG_PAGES}/network-reqs.html`, 'Amazon EKS User Guide: VPC and subnet requirements'),
  'UG-AUTO-NETWORKING': page(`${EKS_UG_PAGES}/auto-networking.html`, 'Amazon EKS User Guide: EKS Auto Mode networking'),
  'UG-FARGATE': page(`${EKS_UG_PAGES}/fargate.html`, 'Amazon EKS User Guide: AWS Fargate'),
  'UG-WINDOWS': page(`${EKS_UG_PAGES}/windows-support.html`, 'Amazon EKS User Guide: Windows nodes'),
  'UG-CUSTOM-NETWORKING': page(`${EKS_UG_PAGES}/cni-custom-network.html`, 'Amazon EKS User Guide: custom networking'),
  'VPC-SUBNET-SIZING': page(
    'https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html',
    'Amazon VPC: subnet sizing (five reserved addresses)',
  ),
  // ---- EKS Best Practices Guide
  'BPG-LB': file(BPG, 'latest/bpg/networking/loadbalancing.adoc', 'EKS Best Practices: load balancing', `${BPG_PAGES}/load-balancing.html`),
  'BPG-V6': file(BPG, 'latest/bpg/networking/ipv6.adoc', 'EKS Best Practices: running IPv6 clusters', `${BPG_PAGES}/ipv6.html`),
  'BPG-SGP': file(BPG, 'latest/bpg/networking/sgpp.adoc', 'EKS Best Practices: security groups per Pod', `${BPG_PAGES}/sgpp.html`),
  'BPG-CN': file(
    BPG,
    'latest/bpg/networking/custom-networking.adoc',
    'EKS Best Practices: custom networking',
    `${BPG_PAGES}/custom-networking.html`,
  ),
  'BPG-IP-OPT': file(BPG, 'latest/bpg/networking/ip-optimization-strategies.adoc', 'EKS Best Practices: optimizing IP address utilization'),
  'BPG-VPC-CNI': file(BPG, 'latest/bpg/networking/vpc-cni.adoc', 'EKS Best Practices: Amazon VPC CNI'),
  'BPG-PD-LINUX': file(BPG, 'latest/bpg/networking/prefix-mode_linux.adoc', 'EKS Best Practices: prefix mode for Linux'),
  'BPG-PD-WINDOWS': file(BPG, 'latest/bpg/networking/prefix-mode_windows.adoc', 'EKS Best Practices: prefix mode for Windows'),
  'BPG-WINDOWS-NET': file(BPG, 'latest/bpg/windows/networking.adoc', 'EKS Best Practices: Windows networking'),
  'BPG-SUBNETS': file(BPG, 'latest/bpg/networking/subnets.adoc', 'EKS Best Practices: VPC and subnet considerations'),
  // ---- In-tree AWS cloud provider
  'CCM-DOC': file(
    { repository: CCM.repository, commit: '0d4f3b7f6ceef0c137ecaf6e3b6344db6b4fdc49' },
    'docs/service_controller.md',
    'AWS cloud provider: Service controller annotations',
  ),
  'CCM-AWS': file(CCM, 'pkg/providers/v1/aws.go', 'AWS cloud provider: load balancer defaults (aws.go)'),
  'CCM-LB': file(CCM, 'pkg/providers/v1/aws_loadbalancer.go', 'AWS cloud provider: NLB and CLB handling'),
  // ---- EKS AMI
  AMI: file(
    { repository: 'awslabs/amazon-eks-ami', commit: '0158a1ea2c5de86e99048de507eaa75f9e181110' },
    'files/bootstrap.sh',
    'Amazon EKS AMI: bootstrap.sh (cluster DNS address)',
  ),
  // ---- Kubernetes documentation (kubernetes/website sources; published on kubernetes.io)
  K8S: page('https://kubernetes.io/docs/concepts/overview/working-with-objects/names/', 'Kubernetes: object names and IDs (DNS labels)'),
  'K8S-SVC': file(
    { repository: K8S_WEBSITE, commit: '003e5b3348a28931175f8311e99397b22df91c38' },
    'content/en/docs/concepts/services-networking/service.md',
    'Kubernetes: Service',
    'https://kubernetes.io/docs/concepts/services-networking/service/',
  ),
  'K8S-ELB': file(
    { repository: K8S_WEBSITE, commit: '0189ae0f6bf2a79ff2e4bfd5f9ec0da98d64c5d2' },
    'content/en/docs/tasks/access-application-cluster/create-external-load-balancer.md',
    'Kubernetes: create an external load balancer',
    'https://kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer/',
  ),
  'K8S-SRCIP': file(
    { repository: K8S_WEBSITE, commit: '0189ae0f6bf2a79ff2e4bfd5f9ec0da98d64c5d2' },
    'content/en/docs/tutorials/services/source-ip.md',
    'Kubernetes: using source IP',
    'https://kubernetes.io/docs/tutorials/services/source-ip/',
  ),
  'K8S-VIP': file(
    { repository: K8S_WEBSITE, commit: '0180cc4bf06b4253f3bdf0b66d49b6c1b5feb105' },
    'content/en/docs/reference/networking/virtual-ips.md',
    'Kubernetes: virtual IPs and service proxies',
    'https://kubernetes.io/docs/reference/networking/virtual-ips/',
  ),
  // ---- Elastic Load Balancing and Amazon VPC documentation
  'ELB-NLB-TGA': page(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation',
    'Network Load Balancer: client IP preservation',
  ),
  'ELB-NLB-TS': page(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-troubleshooting.html#loopback-timeout',
    'Network Load Balancer troubleshooting: requests from a target to its own load balancer time out',
  ),
  'ELB-ALB-XFF': page(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/x-forwarded-headers.html',
    'Application Load Balancer: X-Forwarded headers',
  ),
  'ELB-CLB-XFF': page(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/x-forwarded-headers.html',
    'Classic Load Balancer: X-Forwarded headers',
  ),
  'ELB-CLB-PP': page(
    'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-proxy-protocol.html',
    'Classic Load Balancer: proxy protocol',
  ),
  'VPC-NAT': page('https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html', 'Amazon VPC: NAT gateways'),
  'VPC-EIGW': page(
    'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateEgressOnlyInternetGateway.html',
    'Amazon EC2 API: CreateEgressOnlyInternetGateway (outbound-only IPv6)',
  ),
  // ---- GitHub issues where users met a traffic-path behaviour
  ISSUE: {
    kind: 'ISSUES',
    title: 'GitHub issues and pull requests',
    repositories: {
      'amazon-eks-ami': 'awslabs/amazon-eks-ami',
      'amazon-vpc-cni-k8s': 'aws/amazon-vpc-cni-k8s',
      'cloud-provider-aws': 'kubernetes/cloud-provider-aws',
      'karpenter-provider-aws': 'aws/karpenter-provider-aws',
      LBC: 'kubernetes-sigs/aws-load-balancer-controller',
    },
  },
} as const satisfies Record<string, Source>;

export type SourceTag = keyof typeof SOURCES_TABLE;

export function isSourceTag(tag: string): tag is SourceTag {
  return Object.hasOwn(SOURCES_TABLE, tag);
}
