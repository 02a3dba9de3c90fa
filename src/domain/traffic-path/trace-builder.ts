/**
 * Accumulates the hops of one trace. Each hop records the packet header after that hop (Reachability Analyzer's
 * OutboundHeader), and its action is derived from how the header changed, so a hop can never claim a SNAT it did not do.
 * A drop ends the trace: `dropAt`/`dropHere` throw a private signal that `tracePath` catches — the flow code then reads
 * as a straight line of checks instead of threading a "still alive?" flag through every step.
 */
import { citationsIn } from '../sources/citations.js';
import { DROP_CODES, type AssumptionCode, type DropCode } from './trace-codes.js';
import {
  SOURCE_IP_ROLES,
  type AddressRole,
  type ClientIpVia,
  type CodedMessage,
  type Hop,
  type HopKind,
  type SecurityGroupVerdict,
  type SourceIpRole,
  type TraceResult,
} from './trace-path.types.js';

export interface PacketState {
  src: string;
  srcRole: AddressRole;
  dst: string;
  dstRole: AddressRole;
  dstPort: number;
  /** Security groups of the ENI that last sent the packet (for rules that name a source security group). */
  srcSecurityGroups: readonly string[];
}

export interface HopOptions {
  securityGroups?: SecurityGroupVerdict[];
  note?: string;
  /**
   * The drop happens at or after the destination read the source: the EKS public endpoint refusing an address outside
   * publicAccessCidrs or a port it does not serve, a pod whose replies are lost. sourceIpSeenByDestination reports it.
   */
  destinationSawSource?: boolean;
}

/** Thrown by a drop to end the trace; never leaves tracePath. */
/** Thrown to stop a trace at its drop hop: control flow, not a failure, so it carries no stack (cheap on every drop). */
export class TraceStopped {
  public constructor(public readonly code: DropCode) {}
}

export class TraceBuilder {
  public readonly hops: Omit<Hop, 'citations'>[] = [];
  private readonly assumptionList: CodedMessage[] = [];
  private packetState: PacketState | undefined;
  private originalSrc = '';
  private drop: { code: DropCode; message: string } | null = null;
  private destinationSawSource = false;
  private header: { via: ClientIpVia; carries: string } | null = null;

  public get packet(): Readonly<PacketState> {
    if (!this.packetState) throw new Error('TraceBuilder: begin() must come first');
    return this.packetState;
  }

  /** The source hop: the packet as the client sends it. */
  public begin(kind: HopKind, name: string, packet: PacketState, options: HopOptions = {}): void {
    this.packetState = { ...packet };
    this.originalSrc = packet.src;
    this.push(kind, name, 'FORWARD', options);
  }

  public assume(code: AssumptionCode, message: string): void {
    if (!this.assumptionList.some((entry) => entry.code === code && entry.message === message)) {
      this.assumptionList.push({ code, message });
    }
  }

  /** Appends a hop after applying `change` to the packet. */
  public hop(kind: HopKind, name: string, change: Partial<PacketState> = {}, options: HopOptions = {}): void {
    const before = this.packet;
    const after = { ...before, ...change };
    const action = after.src !== before.src ? 'SNAT' : after.dst !== before.dst ? 'DNAT' : 'FORWARD';
    this.packetState = after;
    this.push(kind, name, action, options);
  }

  public deliver(kind: HopKind, name: string, options: HopOptions = {}): void {
    this.push(kind, name, 'DELIVER', options);
  }

  /** Appends the hop that drops the packet, and ends the trace. */
  public dropAt(kind: HopKind, name: string, code: DropCode, message: string, options: HopOptions = {}): never {
    this.push(kind, name, 'DROP', { ...options, note: options.note || message });
    this.drop = { code, message };
    this.destinationSawSource = options.destinationSawSource ?? false;
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- caught by tracePath, see TraceStopped
    throw new TraceStopped(code);
  }

  /** The last hop is where the packet dies (e.g. the source pod has no route), and the trace ends. */
  public dropHere(code: DropCode, message: string, extraNote?: string): never {
    const last = this.hops[this.hops.length - 1];
    last.action = 'DROP';
    if (extraNote) last.note = last.note ? `${last.note} ${extraNote}` : extraNote;
    this.drop = { code, message };
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- caught by tracePath, see TraceStopped
    throw new TraceStopped(code);
  }

  /** Adds security-group verdicts and a note to the last hop. */
  public annotateLast(options: HopOptions): void {
    const last = this.hops[this.hops.length - 1];
    if (options.securityGroups) last.securityGroups.push(...options.securityGroups);
    if (options.note) last.note = last.note ? `${last.note} ${options.note}` : options.note;
  }

  /** An L7 / proxy-protocol header carrying the current source address to the application. */
  public carryClientIpIn(via: ClientIpVia): void {
    this.header = { via, carries: this.packet.src };
  }

  public result(): Omit<TraceResult, 'diagram'> {
    const delivered = this.drop === null;
    const seen = delivered || this.destinationSawSource ? asSourceRole(this.packet.srcRole) : null;
    let clientIpVia: ClientIpVia = 'NONE';
    if (delivered && this.packet.src === this.originalSrc) clientIpVia = 'L3_SOURCE';
    else if (delivered && this.header && this.header.carries === this.originalSrc) clientIpVia = this.header.via;
    return {
      verdict: delivered ? 'REACHABLE' : 'DROPPED',
      dropReason: this.drop && { ...this.drop, citations: citationsIn(DROP_CODES[this.drop.code].source, this.drop.message) },
      hops: this.hops.map((hop) => ({ ...hop, citations: citationsIn(hop.note) })),
      sourceIpSeenByDestination: seen,
      clientIpPreserved: clientIpVia !== 'NONE',
      clientIpVia,
      assumptions: this.assumptionList.map((assumption) => ({ ...assumption, citations: citationsIn(assumption.message) })),
    };
  }

  private push(kind: HopKind, name: string, action: Hop['action'], options: HopOptions): void {
    const { src, srcRole, dst, dstRole, dstPort } = this.packet;
    this.hops.push({
      kind,
      name,
      action,
      packet: { src, srcRole, dst, dstRole, dstPort },
      securityGroups: options.securityGroups ?? [],
      note: options.note ?? '',
    });
  }
}

function asSourceRole(role: AddressRole): SourceIpRole | null {
  return (SOURCE_IP_ROLES as readonly string[]).includes(role) ? (role as SourceIpRole) : null;
}
