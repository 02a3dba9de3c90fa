/**
 * Indexes over one DesignSpec, built once per plan so no step scans a list inside a loop over another
 * (subnets by name, workloads by node group, ENIConfig subnet by AZ) and memoised instance-type lookups.
 */
import type { InstanceTypeRecord } from '../catalog/instance-type.js';
import type { DesignSpec, NodeGroup, Subnet, Workload } from '../spec/design-spec.types.js';
import type { PlanDependencies } from './plan.types.js';

export interface IndexedWorkload {
  workload: Workload;
  index: number;
}

export class PlanContext {
  public readonly subnetIndexByName = new Map<string, number>();
  public readonly nodeGroupIndexByName = new Map<string, number>();
  public readonly workloadsByNodeGroup = new Map<string, IndexedWorkload[]>();
  /** Normalised AZ → index of the ENIConfig subnet (custom networking). */
  public readonly eniConfigSubnetByAz = new Map<string, number>();
  private readonly instanceTypes = new Map<string, InstanceTypeRecord | undefined>();

  public constructor(
    public readonly spec: DesignSpec,
    private readonly deps: PlanDependencies,
  ) {
    spec.subnets.forEach((subnet, index) => {
      if (!this.subnetIndexByName.has(subnet.name)) this.subnetIndexByName.set(subnet.name, index);
    });
    spec.nodeGroups.forEach((group, index) => {
      if (!this.nodeGroupIndexByName.has(group.name)) this.nodeGroupIndexByName.set(group.name, index);
    });
    (spec.workloads ?? []).forEach((workload, index) => {
      const list = this.workloadsByNodeGroup.get(workload.nodeGroup);
      if (list) list.push({ workload, index });
      else this.workloadsByNodeGroup.set(workload.nodeGroup, [{ workload, index }]);
    });
    if (spec.cni?.customNetworking) {
      for (const config of spec.cni.eniConfigs ?? []) {
        const subnet = this.subnetIndexByName.get(config.subnet);
        const zone = normalizeAz(config.az);
        if (subnet !== undefined && !this.eniConfigSubnetByAz.has(zone)) this.eniConfigSubnetByAz.set(zone, subnet);
      }
    }
  }

  public subnet(name: string): { subnet: Subnet; index: number } | undefined {
    const index = this.subnetIndexByName.get(name);
    return index === undefined ? undefined : { subnet: this.spec.subnets[index], index };
  }

  public nodeGroup(name: string): NodeGroup | undefined {
    const index = this.nodeGroupIndexByName.get(name);
    return index === undefined ? undefined : this.spec.nodeGroups[index];
  }

  public workloadsOf(group: NodeGroup): readonly IndexedWorkload[] {
    return this.workloadsByNodeGroup.get(group.name) ?? [];
  }

  public instanceType(name: string): InstanceTypeRecord | undefined {
    if (!this.instanceTypes.has(name)) this.instanceTypes.set(name, this.deps.lookupInstanceType(name));
    return this.instanceTypes.get(name);
  }
}

/** AZ names and ids compare case-insensitively, as the capacity cluster checks do. */
export function normalizeAz(az: string): string {
  return az.trim().toLowerCase();
}

/** `Math.ceil(a / b)` for counts, with 0 / 0 = 0. */
export function ceilDiv(a: number, b: number): number {
  return b <= 0 ? 0 : Math.ceil(a / b);
}
