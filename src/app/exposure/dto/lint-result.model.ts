import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LINT_SEVERITIES, type LintSeverity } from '../../../domain/exposure/exposure.types.js';
import { LintSeverityEnum } from '../../graphql-vocabulary.js';

@ObjectType('LintFinding')
export class LintFindingModel {
  @Field() @ApiProperty({ example: 'UNKNOWN_ANNOTATION' }) code: string;
  @Field(() => LintSeverityEnum) @ApiProperty({ enum: LINT_SEVERITIES, enumName: 'LintSeverity' }) severity: LintSeverity;
  @Field({ description: '`Service/<namespace>/<name>`, `Ingress/<namespace>/<name>` or `IngressGroup/<name>`.' })
  @ApiProperty({ example: 'Service/shop/checkout' })
  resource: string;
  @Field({ description: 'Path inside the object.' }) @ApiProperty({ example: 'spec.ports[0].nodePort' }) path: string;
  @Field() @ApiProperty() message: string;
  @Field(() => Int, { nullable: true, description: '1-based line in the submitted YAML, when known.' })
  @ApiPropertyOptional({ type: 'integer' })
  line?: number;
  @Field({ nullable: true, description: 'The rule row the finding comes from.' }) @ApiPropertyOptional() rule?: string;
}

@ObjectType('LintResult')
export class LintResultModel {
  @Field(() => [LintFindingModel]) @ApiProperty({ type: [LintFindingModel] }) findings: LintFindingModel[];
}
