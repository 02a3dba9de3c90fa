import { Module } from '@nestjs/common';
import { QueryLimitsPlugin } from './query-limits.plugin.js';
import { RequestStatusPlugin } from './request-status.plugin.js';

/** Apollo plugins that guard and shape every GraphQL request. */
@Module({ providers: [QueryLimitsPlugin, RequestStatusPlugin] })
export class GraphqlPluginsModule {}
