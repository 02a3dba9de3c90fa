import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { HypervisorEnum } from '../../graphql-vocabulary.js';
import { HYPERVISORS, type Hypervisor } from '../../../domain/catalog/instance-type.js';

export const INSTANCE_TYPE_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)?$/;

@ObjectType('NetworkCard')
@InputType('NetworkCardInput')
export class NetworkCardModel {
  @Field(() => Int)
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 63 })
  @IsInt()
  @Min(0)
  @Max(63)
  index: number;

  @Field(() => Int)
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 128 })
  @IsInt()
  @Min(1)
  @Max(128)
  maxEnis: number;
}

@ObjectType('InstanceType', { description: 'An EC2 instance type as the Amazon VPC CNI sees it.' })
@InputType('InstanceTypeInput')
export class InstanceTypeModel {
  @Field()
  @ApiProperty({ example: 'm5.large', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(INSTANCE_TYPE_NAME_PATTERN, { message: 'name must look like an EC2 instance type, e.g. m5.large' })
  name: string;

  @Field({ nullable: true, description: 'Derived from the name (m5.large → m5) when omitted.' })
  @ApiPropertyOptional({ example: 'm5' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(/^[a-z0-9][a-z0-9-]*$/)
  family?: string;

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 1, maximum: 4096 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4096)
  vcpu?: number | null;

  @Field(() => Int, { description: 'ENIs on the default network card.' })
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 128 })
  @IsInt()
  @Min(1)
  @Max(128)
  maxEnis: number;

  @Field(() => Int, { description: 'IPv4 addresses per ENI, including its primary address.' })
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 256 })
  @IsInt()
  @Min(1)
  @Max(256)
  ipv4PerEni: number;

  @Field(() => HypervisorEnum)
  @ApiProperty({ enum: HYPERVISORS, enumName: 'Hypervisor' })
  @IsIn(HYPERVISORS)
  hypervisor: Hypervisor;

  @Field()
  @ApiProperty()
  @IsBoolean()
  bareMetal: boolean;

  @Field(() => [NetworkCardModel], { nullable: true, description: 'Defaults to one card holding maxEnis.' })
  @ApiPropertyOptional({ type: [NetworkCardModel] })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => NetworkCardModel)
  @ArrayMinSize(1)
  @ArrayMaxSize(64)
  networkCards?: NetworkCardModel[];

  @Field(() => Int, { nullable: true })
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 63 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(63)
  defaultNetworkCardIndex?: number;

  @Field(() => Int, { nullable: true, description: 'Branch ENIs for security groups for pods.' })
  @ApiPropertyOptional({ type: 'integer', nullable: true, minimum: 0, maximum: 1024 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1024)
  branchInterfaces?: number | null;

  @Field(() => Boolean, { nullable: true })
  @ApiPropertyOptional({ type: Boolean, nullable: true })
  @IsOptional()
  @IsBoolean()
  trunkingCompatible?: boolean | null;
}
