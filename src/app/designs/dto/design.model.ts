import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DesignSpecModel } from './design-spec.model.js';

@ObjectType('DesignSummary')
export class DesignSummaryModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) id: string;
  @Field() @ApiProperty() name: string;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) owner: string | null;
  @Field(() => [String]) @ApiProperty({ type: [String] }) tags: string[];
  @Field(() => Int, { description: 'The latest revision; pass it back as If-Match / expectedRevision to update.' })
  @ApiProperty({ type: 'integer' })
  revision: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field() @ApiProperty() updatedAt: Date;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) createdBy: string | null;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) updatedBy: string | null;
}

@ObjectType('Design')
export class DesignModel extends DesignSummaryModel {
  @Field(() => DesignSpecModel) @ApiProperty({ type: DesignSpecModel }) spec: DesignSpecModel;
}

@ObjectType('DesignPage')
export class DesignPage {
  @Field(() => [DesignSummaryModel]) @ApiProperty({ type: [DesignSummaryModel] }) items: DesignSummaryModel[];
  @Field(() => String, { nullable: true }) @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

@ObjectType('DesignRevision')
export class DesignRevisionModel {
  @Field(() => ID) @ApiProperty({ format: 'uuid' }) designId: string;
  @Field(() => Int) @ApiProperty({ type: 'integer' }) revision: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) createdBy: string | null;
  @Field(() => DesignSpecModel) @ApiProperty({ type: DesignSpecModel }) spec: DesignSpecModel;
}

@ObjectType('DesignRevisionSummary')
export class DesignRevisionSummaryModel {
  @Field(() => Int) @ApiProperty({ type: 'integer' }) revision: number;
  @Field() @ApiProperty() createdAt: Date;
  @Field(() => String, { nullable: true }) @ApiPropertyOptional({ type: String, nullable: true }) createdBy: string | null;
}

export class DesignRevisionList {
  @ApiProperty({ type: [DesignRevisionSummaryModel] }) items: DesignRevisionSummaryModel[];
}
