/**
 * A flow as callers send it (REST/GraphQL DTO or the CLI's request: NAT gateway Elastic IPs as a list, JSON nulls for
 * unset fields) as the traffic-path engine's Flow. Nest-free: TrafficPathService and the CLI's local planner share it.
 */
import { dropNullProperties } from '../json/drop-null-properties.js';
import type { Flow } from './index.js';

export interface FlowRequestLike {
  natGatewayEips?: readonly { natGateway: string; ip: string }[] | null;
}

export function toEngineFlow(input: FlowRequestLike): Flow {
  const { natGatewayEips, ...flow } = dropNullProperties(input) as FlowRequestLike;
  // A null-prototype record: a NAT gateway named like an Object.prototype member must not find an inherited value.
  const eips: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const { natGateway, ip } of natGatewayEips ?? []) eips[natGateway] = ip;
  return { ...(flow as Omit<Flow, 'natGatewayEips'>), natGatewayEips: eips };
}
