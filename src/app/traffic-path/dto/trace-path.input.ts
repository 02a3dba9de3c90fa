/**
 * POST /v1/paths/trace and GraphQL `tracePath(input:)`. An endpoint is one flat input with a `kind` (GraphQL has no
 * input unions); the fields each kind needs are required for it and refused for the others, and every problem is
 * reported at once with its path (`flow.to.ip`). As in the exposure DTOs, a field's type check is its last validator.
 */
import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsIP,
  isIP,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { DesignSpecModel } from '../../designs/dto/design-spec.model.js';
import {
  ENDPOINT_KINDS,
  type EndpointKind,
  FLOW_PROTOCOLS,
  type FlowProtocol,
  SERVICE_ENTRIES,
  type ServiceEntry,
} from '../../../domain/traffic-path/trace-path.types.js';
import { EndpointKindEnum, FlowProtocolEnum, ServiceEntryEnum } from '../../graphql-vocabulary.js';
import { OPTION_BOUNDS, isIntegerWithin } from '../../../domain/spec/option-bounds.js';
import { openApiBounds } from '../../option-bounds.decorator.js';

const NAME_MAX = 253;

interface FieldRule {
  /** Kinds that use the field. */
  kinds: readonly EndpointKind[];
  /** Kinds that must set it. */
  requiredFor?: readonly EndpointKind[];
  valid: (value: unknown) => boolean;
  expected: string;
}

/**
 * One rule per endpoint field: required for some kinds, refused for kinds that do not use it, and well-formed.
 * `null` counts as absent (GraphQL clients send it for unset optional fields). No IsOptional, so it also runs when absent.
 */
function EndpointField(rule: FieldRule): PropertyDecorator {
  const kindOf = (object: object): unknown => (object as { kind?: unknown }).kind;
  const knownKind = (kind: unknown): kind is EndpointKind =>
    typeof kind === 'string' && (ENDPOINT_KINDS as readonly string[]).includes(kind);
  const problem = (args: ValidationArguments): string | undefined => {
    const kind = kindOf(args.object);
    if (!knownKind(kind)) return undefined;
    if (args.value === undefined || args.value === null) {
      return rule.requiredFor?.includes(kind) ? `${args.property} is required for kind ${kind}` : undefined;
    }
    if (!rule.kinds.includes(kind)) return `${args.property} is not used by kind ${kind} (only by ${rule.kinds.join(', ')})`;
    return rule.valid(args.value) ? undefined : `${args.property} must be ${rule.expected}`;
  };
  return ValidateBy({
    name: 'endpointField',
    validator: { validate: (_value, args) => problem(args!) === undefined, defaultMessage: (args) => problem(args!) ?? 'is invalid' },
  });
}

const isName = (value: unknown) => typeof value === 'string' && value.length > 0 && value.length <= NAME_MAX;
const isBoolean = (value: unknown) => typeof value === 'boolean';
const isAddress = (value: unknown) => typeof value === 'string' && value.length <= 64 && (isIP(value, 4) || isIP(value, 6));
const isPort = (value: unknown) => isIntegerWithin(value, OPTION_BOUNDS.port);

@InputType('EndpointInput', { description: 'One end of a flow: `kind` plus the fields that kind uses.' })
export class EndpointInput {
  @Field(() => EndpointKindEnum)
  @ApiProperty({ enum: ENDPOINT_KINDS, enumName: 'EndpointKind' })
  @IsIn(ENDPOINT_KINDS)
  kind: EndpointKind;

  @Field({ nullable: true, description: 'POD, SERVICE: the workload name in the design.' })
  @ApiPropertyOptional({ maxLength: NAME_MAX, example: 'checkout' })
  @EndpointField({
    kinds: ['POD', 'SERVICE'],
    requiredFor: ['POD', 'SERVICE'],
    valid: isName,
    expected: `a workload name (1-${NAME_MAX} characters)`,
  })
  workload?: string;

  @Field({ nullable: true, description: 'POD, SERVICE: only needed when two workloads share a name.' })
  @ApiPropertyOptional({ maxLength: 63 })
  @EndpointField({
    kinds: ['POD', 'SERVICE'],
    valid: (value) => typeof value === 'string' && value.length > 0 && value.length <= 63,
    expected: 'a namespace (1-63 characters)',
  })
  namespace?: string;

  @Field({ nullable: true, description: 'NODE: the node group name in the design.' })
  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @EndpointField({ kinds: ['NODE'], requiredFor: ['NODE'], valid: isName, expected: `a node group name (1-${NAME_MAX} characters)` })
  nodeGroup?: string;

  @Field({ nullable: true, description: 'INTERNET, VPC_HOST, PEER: an IPv4 or IPv6 address.' })
  @ApiPropertyOptional({ example: '8.8.8.8' })
  @EndpointField({
    kinds: ['INTERNET', 'VPC_HOST', 'PEER'],
    requiredFor: ['INTERNET', 'VPC_HOST', 'PEER'],
    valid: isAddress,
    expected: 'an IPv4 or IPv6 address',
  })
  ip?: string;

  @Field({ nullable: true, description: 'PEER: the name of a vpc.peers[] entry.' })
  @ApiPropertyOptional({ maxLength: NAME_MAX })
  @EndpointField({ kinds: ['PEER'], requiredFor: ['PEER'], valid: isName, expected: `a peer network name (1-${NAME_MAX} characters)` })
  network?: string;

  @Field({ nullable: true, description: 'POD, NODE as destination: on the same node as the source.' })
  @ApiPropertyOptional()
  @EndpointField({ kinds: ['POD', 'NODE'], valid: isBoolean, expected: 'a boolean' })
  sameNode?: boolean;

  @Field({ nullable: true, description: 'POD as destination on another node: in the source AZ (true) or another (false).' })
  @ApiPropertyOptional()
  @EndpointField({ kinds: ['POD'], valid: isBoolean, expected: 'a boolean' })
  sameAz?: boolean;

  @Field(() => ServiceEntryEnum, { nullable: true, description: 'SERVICE: how the client reaches it (default: through its exposure).' })
  @ApiPropertyOptional({ enum: SERVICE_ENTRIES, enumName: 'ServiceEntry' })
  @EndpointField({
    kinds: ['SERVICE'],
    valid: (value) => (SERVICE_ENTRIES as readonly unknown[]).includes(value),
    expected: `one of ${SERVICE_ENTRIES.join(', ')}`,
  })
  via?: ServiceEntry;

  @Field({ nullable: true, description: 'SERVICE: the receiving node runs a ready endpoint (default true).' })
  @ApiPropertyOptional()
  @EndpointField({ kinds: ['SERVICE'], valid: isBoolean, expected: 'a boolean' })
  localEndpoint?: boolean;

  @Field({ nullable: true, description: "SERVICE: an internal NLB with instance targets picks the client's own node (hairpin)." })
  @ApiPropertyOptional()
  @EndpointField({ kinds: ['SERVICE'], valid: isBoolean, expected: 'a boolean' })
  lbPicksSourceNode?: boolean;

  @Field(() => Int, { nullable: true, description: "SERVICE: the Service's NodePort." })
  @ApiPropertyOptional(openApiBounds(OPTION_BOUNDS.port))
  @EndpointField({ kinds: ['SERVICE'], valid: isPort, expected: 'a port number (1-65535)' })
  nodePort?: number;
}

@InputType('NatGatewayEipInput')
export class NatGatewayEipInput {
  @Field({ description: 'A natGateways[].name of the design.' })
  @ApiProperty({ example: 'nat-a' })
  @MaxLength(NAME_MAX)
  @IsString()
  natGateway: string;

  @Field()
  @ApiProperty({ example: '54.210.10.20' })
  @IsIP(4, { message: 'ip must be an IPv4 address' })
  @IsString()
  ip: string;
}

@InputType('FlowInput')
export class FlowInput {
  @Field(() => EndpointInput)
  @ApiProperty({ type: EndpointInput })
  @IsObject()
  @ValidateNested()
  @Type(() => EndpointInput)
  from: EndpointInput;

  @Field(() => EndpointInput)
  @ApiProperty({ type: EndpointInput })
  @IsObject()
  @ValidateNested()
  @Type(() => EndpointInput)
  to: EndpointInput;

  @Field(() => FlowProtocolEnum)
  @ApiProperty({ enum: FLOW_PROTOCOLS, enumName: 'FlowProtocol' })
  @IsIn(FLOW_PROTOCOLS)
  protocol: FlowProtocol;

  @Field(() => Int, { description: 'The destination port the client dials.' })
  @ApiProperty({ ...openApiBounds(OPTION_BOUNDS.port), example: 443 })
  @Min(OPTION_BOUNDS.port.min)
  @Max(OPTION_BOUNDS.port.max)
  @IsInt()
  port: number;

  @Field(() => [NatGatewayEipInput], {
    nullable: true,
    description: 'Elastic IPs of NAT gateways; placeholders from 203.0.113.0/24 otherwise.',
  })
  @ApiPropertyOptional({ type: [NatGatewayEipInput] })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => NatGatewayEipInput)
  natGatewayEips?: NatGatewayEipInput[];
}

const isSet = (value: unknown) => value !== undefined && value !== null;

/** `design` XOR `designId`, and a design is an object (its content is the design-spec validator's job). */
const DesignChoice = (): PropertyDecorator =>
  ValidateBy({
    name: 'designChoice',
    validator: {
      validate: (_value, args) => designChoiceProblem(args!.object as TracePathInput) === undefined,
      defaultMessage: (args) => designChoiceProblem(args!.object as TracePathInput) ?? 'is invalid',
    },
  });

function designChoiceProblem(input: TracePathInput): string | undefined {
  if (isSet(input.design) === isSet(input.designId))
    return 'give exactly one of design (an inline DesignSpec) or designId (a saved design)';
  if (isSet(input.design) && (typeof input.design !== 'object' || Array.isArray(input.design))) return 'design must be a DesignSpec object';
  return undefined;
}

const RevisionOfSavedDesign = (): PropertyDecorator =>
  ValidateBy({
    name: 'revisionOfSavedDesign',
    validator: {
      validate: (value, args) =>
        isSet((args!.object as TracePathInput).designId) &&
        Number.isInteger(value) &&
        (value as number) >= 1 &&
        (value as number) <= 2_147_483_647,
      defaultMessage: (args) =>
        isSet((args!.object as TracePathInput).designId) ? 'revision must be an integer from 1' : 'revision only applies to designId',
    },
  });

@InputType('TracePathInput')
export class TracePathInput {
  /** Typed `unknown` and not nested-validated: the design-spec validator checks it, with paths (`design.subnets[0].cidr`). */
  @Field(() => DesignSpecModel, { nullable: true, description: 'An inline design (exclusive with designId).' })
  @ApiPropertyOptional({ type: DesignSpecModel })
  @DesignChoice()
  design?: unknown;

  @Field(() => ID, { nullable: true, description: 'A saved design (exclusive with design).' })
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @MaxLength(100)
  @IsString()
  designId?: string;

  @Field(() => Int, { nullable: true, description: 'A revision of the saved design (default: the latest).' })
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @RevisionOfSavedDesign()
  revision?: number;

  @Field(() => FlowInput)
  @ApiProperty({ type: FlowInput })
  @IsObject()
  @ValidateNested()
  @Type(() => FlowInput)
  flow: FlowInput;
}
