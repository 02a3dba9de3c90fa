/**
 * kube-reserved derived from maxPods and vCPUs (capacity.md §2.5): it lowers allocatable, not the pod count.
 * awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go getMemoryMebibytesToReserve / getCPUMillicoresToReserve;
 * aws/karpenter-provider-aws kubeReservedResources uses the same numbers.
 */

export function kubeReservedMemoryMiB(maxPods: number): number {
  return 11 * maxPods + 255;
}

/** [range start, range end) in millicores and the share reserved in it, in 1/10000 (6%, 1%, 0.5%, 0.25%). */
const CPU_RANGES: ReadonlyArray<readonly [number, number, number]> = [
  [0, 1000, 600],
  [1000, 2000, 100],
  [2000, 4000, 50],
  [4000, Number.POSITIVE_INFINITY, 25],
];

export function kubeReservedCpuMillicores(vcpus: number): number {
  const total = vcpus * 1000;
  let reserved = 0;
  for (const [start, end, perTenThousand] of CPU_RANGES) {
    if (total <= start) break;
    // getResourceToReserveInRange: integer division per range
    reserved += Math.floor(((Math.min(total, end) - start) * perTenThousand) / 10000);
  }
  return reserved;
}
