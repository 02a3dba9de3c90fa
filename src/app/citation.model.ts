import { Field, ObjectType } from '@nestjs/graphql';
import { ApiProperty } from '@nestjs/swagger';
import type { Citation } from '../domain/sources/citations.js';

/** One source an answer rests on: a tag of docs/sources.md, where in it, and the link. */
@ObjectType('Citation', {
  description: 'A source the answer rests on: its tag in docs/sources.md, the line or anchor cited, and the link.',
})
export class CitationModel implements Citation {
  @Field({ description: 'Tag of the sources table, without brackets.' }) @ApiProperty({ example: 'LBC-IA' }) tag: string;

  @Field(() => String, {
    nullable: true,
    description: 'Line range (`L216-231`), anchor (`#type-nodeport`) or issue (`LBC#1813`); null for the whole source.',
  })
  @ApiProperty({ type: String, nullable: true, example: 'L30' })
  locator: string | null;

  @Field({ description: 'Public page, or the repository file at the commit that was read (with the line anchor).' })
  @ApiProperty({
    example:
      'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/225f44568848eb25f13e304a5f1cc68c0cd9415d/docs/guide/ingress/annotations.md?plain=1#L30',
  })
  url: string;
}
