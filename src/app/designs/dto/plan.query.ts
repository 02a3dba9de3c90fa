import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Revisions are Postgres `integer`s. */
export const MAX_REVISION = 2_147_483_647;

/** Decimal digits only: `0x1`, `1e3` and ` 1` are not revision numbers, though Number() would read them as such. */
const RevisionNumber = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && /^[0-9]{1,16}$/.test(value) ? Number(value) : value));

export class DesignPlanQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_REVISION,
    description: 'A revision of the design (default: the latest).',
  })
  @IsOptional()
  @RevisionNumber()
  @Min(1)
  @Max(MAX_REVISION)
  @IsInt()
  revision?: number;
}

export class DesignDiffQuery {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_REVISION, description: 'The earlier revision.', example: 1 })
  @RevisionNumber()
  @Min(1)
  @Max(MAX_REVISION)
  @IsInt()
  from: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_REVISION, description: 'The later revision.', example: 3 })
  @RevisionNumber()
  @Min(1)
  @Max(MAX_REVISION)
  @IsInt()
  to: number;
}
