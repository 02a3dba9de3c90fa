import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InstanceTypeModel } from './instance-type.model.js';

@ObjectType('Catalog')
export class CatalogModel {
  @Field()
  @ApiProperty({ example: 'aws' })
  name: string;

  @Field()
  @ApiProperty()
  description: string;

  @Field(() => Int)
  @ApiProperty({ type: 'integer', example: 1391 })
  instanceTypeCount: number;

  @Field({ description: 'The default catalog `aws` is read-only.' })
  @ApiProperty()
  readOnly: boolean;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  source: string | null;

  @Field(() => String, { nullable: true })
  @ApiPropertyOptional({ type: String, nullable: true })
  sourceVersion: string | null;
}

export class CatalogListResponse {
  @ApiProperty({ type: [CatalogModel] })
  items: CatalogModel[];
}

@ObjectType('InstanceTypePage')
export class InstanceTypePage {
  @Field(() => [InstanceTypeModel])
  @ApiProperty({ type: [InstanceTypeModel] })
  items: InstanceTypeModel[];

  @Field(() => String, { nullable: true, description: 'Pass as `cursor`/`after` to get the next page; null on the last page.' })
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
