/** `trace <design> --from … --to …`: POST /v1/paths/trace — the hops of a packet and the source address the destination sees. */
import { Command, Option } from 'commander';
import {
  FLOW_PROTOCOLS,
  SERVICE_ENTRIES,
  type Endpoint,
  type FlowProtocol,
  type Hop,
  type ServiceEntry,
  type TraceResult,
} from '../../domain/traffic-path/index.js';
import { CliUsageError } from '../cli-errors.js';
import type { CliContext } from '../cli.context.js';
import { readJsonInput } from '../design-input.js';
import { ENDPOINT_FORMS, parseEndpointRef } from '../endpoint-ref.js';
import { renderFields, renderNotes, renderTable, section } from '../output.js';
import type { FlowRequest, TraceQuery } from '../planner-client.js';
import { collect, enumParser, integerParser } from './capacity-options.js';
import { OPTION_BOUNDS } from '../../domain/spec/option-bounds.js';
import { loadDesignFile } from './design-file.js';

interface TraceCliOptions {
  from?: string;
  to?: string;
  port?: number;
  protocol: FlowProtocol;
  flow?: string;
  designId?: string;
  revision?: number;
  sameNode?: boolean;
  via?: ServiceEntry;
  natEip?: string[];
}

/** The API server's port, the one flow whose port is implied. */
const EKS_API_PORT = 443;

export function traceCommand(cli: CliContext): Command {
  return new Command('trace')
    .description(
      'trace a packet through a design: hops, SNAT/DNAT, security groups, where it is dropped, the source IP the destination sees',
    )
    .argument('[design]', 'DesignSpec JSON or eksctl ClusterConfig YAML (- for stdin); or --design-id with --server')
    .option('--from <endpoint>', `source: ${ENDPOINT_FORMS.join(' | ')}`)
    .option('--to <endpoint>', 'destination, same forms')
    .addOption(new Option('--port <n>', 'destination port the client dials (443 for eks-api)').argParser(integerParser(OPTION_BOUNDS.port)))
    .addOption(new Option('--protocol <protocol>', FLOW_PROTOCOLS.join(', ')).argParser(enumParser(FLOW_PROTOCOLS)).default('TCP'))
    .option('--same-node', "the destination pod or node is on the source pod's node")
    .addOption(
      new Option('--via <entry>', `how a service is reached: ${SERVICE_ENTRIES.join(', ')}`).argParser(enumParser(SERVICE_ENTRIES)),
    )
    .option('--nat-eip <natGateway=ip>', 'Elastic IP of a NAT gateway (repeatable)', collect)
    .option('--flow <file.json>', 'the whole flow as POST /v1/paths/trace takes it, instead of --from/--to/--port')
    .option('--design-id <id>', 'a saved design on the server (with --server)')
    .addOption(new Option('--revision <n>', 'a revision of the saved design').argParser(integerParser(1, 2_147_483_647)))
    .action(async (designPath: string | undefined, options: TraceCliOptions, self: Command) => {
      const flow = await flowOf(options, cli);
      const query = await traceQuery(designPath, options, flow, cli, self);
      const planner = await cli.planner(self);
      cli.print(self, await planner.trace(query), renderTrace);
    });
}

async function traceQuery(
  designPath: string | undefined,
  options: TraceCliOptions,
  flow: FlowRequest,
  cli: CliContext,
  self: Command,
): Promise<TraceQuery> {
  if (options.designId !== undefined) {
    if (designPath !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', 'Give either a design file or --design-id, not both.');
    if (cli.globals(self).server === undefined)
      throw new CliUsageError('SERVER_REQUIRED', '--design-id names a saved design: give --server too.');
    return { designId: options.designId, ...(options.revision === undefined ? {} : { revision: options.revision }), flow };
  }
  if (designPath === undefined)
    throw new CliUsageError('MISSING_ARGUMENT', 'Give the design file to trace through (or --design-id with --server).');
  if (options.revision !== undefined) throw new CliUsageError('CONFLICTING_OPTIONS', '--revision only applies to --design-id.');
  return { design: (await loadDesignFile(designPath, cli)).design, flow };
}

async function flowOf(options: TraceCliOptions, cli: CliContext): Promise<FlowRequest> {
  const fromOptions = options.from !== undefined || options.to !== undefined || options.port !== undefined;
  if (options.flow !== undefined) {
    if (fromOptions) throw new CliUsageError('CONFLICTING_OPTIONS', 'Give either --flow or --from/--to/--port, not both.');
    return (await readJsonInput(options.flow, cli.readStdin)) as FlowRequest;
  }
  if (options.from === undefined || options.to === undefined) {
    throw new CliUsageError(
      'MISSING_OPTION',
      'Give --from and --to (e.g. --from pod:checkout --to internet:93.184.216.34 --port 443), or --flow file.json.',
    );
  }
  const from = parseEndpointRef(options.from, '--from');
  const to = withDestinationOptions(parseEndpointRef(options.to, '--to'), options);
  const port = options.port ?? (to.kind === 'EKS_API' ? EKS_API_PORT : undefined);
  if (port === undefined) throw new CliUsageError('MISSING_OPTION', 'Give --port, the destination port the client dials.');
  const natGatewayEips = (options.natEip ?? []).map((pair) => {
    const [natGateway, ip, ...extra] = pair.split('=');
    if (!natGateway || !ip || extra.length > 0)
      throw new CliUsageError('INVALID_NAT_EIP', `--nat-eip "${pair}" must look like nat-a=54.210.10.20.`);
    return { natGateway, ip };
  });
  return { from, to, protocol: options.protocol, port, ...(natGatewayEips.length > 0 ? { natGatewayEips } : {}) };
}

function withDestinationOptions(to: Endpoint, options: TraceCliOptions): Endpoint {
  if (options.sameNode) {
    if (to.kind !== 'POD' && to.kind !== 'NODE')
      throw new CliUsageError('CONFLICTING_OPTIONS', '--same-node only applies to a pod: or node: destination.');
    to = { ...to, sameNode: true };
  }
  if (options.via !== undefined) {
    if (to.kind !== 'SERVICE') throw new CliUsageError('CONFLICTING_OPTIONS', '--via only applies to a service: destination.');
    to = { ...to, via: options.via };
  }
  return to;
}

export function renderTrace(trace: TraceResult): string {
  const head = renderFields([
    ['verdict', trace.verdict],
    ...(trace.dropReason ? [['dropped', `${trace.dropReason.code}: ${trace.dropReason.message}`] as const] : []),
    ['source IP seen', trace.sourceIpSeenByDestination],
    ['client IP', `${trace.clientIpPreserved ? 'preserved' : 'not preserved'} (${trace.clientIpVia})`],
  ]);
  const hops = renderTable<Hop & { index: number }>(
    [
      { header: '#', value: (h) => h.index },
      { header: 'hop', value: (h) => h.kind },
      { header: 'name', value: (h) => h.name },
      { header: 'action', value: (h) => h.action },
      { header: 'source', value: (h) => `${h.packet.src} (${h.packet.srcRole})` },
      { header: 'destination', value: (h) => `${h.packet.dst}:${h.packet.dstPort} (${h.packet.dstRole})` },
      {
        header: 'security groups',
        value: (h) => h.securityGroups.map((sg) => `${sg.name} ${sg.direction.toLowerCase()} ${sg.allowed ? 'allowed' : 'denied'}`),
      },
      { header: 'note', value: (h) => h.note },
    ],
    trace.hops.map((hop, i) => ({ ...hop, index: i + 1 })),
  );
  return head + section('HOPS', hops) + section('ASSUMPTIONS', renderNotes(trace.assumptions));
}
