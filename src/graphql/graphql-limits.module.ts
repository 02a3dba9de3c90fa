import { Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './query-limits.plugin.js';

@Module({ providers: [QueryLimitsPlugin] })
export class GraphqlLimitsModule {}
