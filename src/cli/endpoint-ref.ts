/**
 * `--from` / `--to` of `trace`: one endpoint as `kind:reference`, the flat form of the API's Endpoint objects.
 *   pod:checkout · pod:shop/checkout · service:checkout · node:general · internet:93.184.216.34 ·
 *   vpc-host:10.0.5.5 · peer:on-prem:192.168.1.10 · eks-api
 * IPv6 addresses keep their colons: everything after the kind (and the peer name) is the address.
 */
import { isIP } from 'node:net';
import type { Endpoint } from '../domain/traffic-path/index.js';
import { CliUsageError } from './cli-errors.js';

export const ENDPOINT_FORMS = [
  'pod:<workload>',
  'service:<workload>',
  'node:<nodeGroup>',
  'internet:<ip>',
  'vpc-host:<ip>',
  'peer:<network>:<ip>',
  'eks-api',
] as const;

export function parseEndpointRef(ref: string, option: string): Endpoint {
  const colon = ref.indexOf(':');
  const kind = (colon === -1 ? ref : ref.slice(0, colon)).trim().toLowerCase().replace(/_/g, '-');
  const rest = colon === -1 ? '' : ref.slice(colon + 1).trim();
  const fail = (why: string): never => {
    throw new CliUsageError('INVALID_ENDPOINT', `${option} "${ref}": ${why}. Use one of ${ENDPOINT_FORMS.join(', ')}.`);
  };
  const required = (what: string): string => (rest === '' ? fail(`${kind} needs a ${what}`) : rest);
  const address = (value: string): string => (isIP(value) === 0 ? fail(`"${value}" is not an IPv4 or IPv6 address`) : value);
  switch (kind) {
    case 'pod':
    case 'service':
    case 'svc':
      return { kind: kind === 'pod' ? 'POD' : 'SERVICE', ...workloadRef(required('workload name')) };
    case 'node':
      return { kind: 'NODE', nodeGroup: required('node group name') };
    case 'internet':
      return { kind: 'INTERNET', ip: address(required('an address')) };
    case 'vpc-host':
      return { kind: 'VPC_HOST', ip: address(required('an address')) };
    case 'peer': {
      const separator = required('network name and address').indexOf(':');
      if (separator <= 0) return fail('peer needs <network>:<ip>');
      return { kind: 'PEER', network: rest.slice(0, separator), ip: address(rest.slice(separator + 1)) };
    }
    case 'eks-api':
      return rest === '' ? { kind: 'EKS_API' } : fail('eks-api takes no reference');
    default:
      return fail(`unknown endpoint kind "${kind}"`);
  }
}

/** `checkout` or `shop/checkout` (namespace only needed when two workloads share a name). */
function workloadRef(value: string): { workload: string; namespace?: string } {
  const slash = value.indexOf('/');
  return slash > 0 ? { namespace: value.slice(0, slash), workload: value.slice(slash + 1) } : { workload: value };
}
