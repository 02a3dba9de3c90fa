import { Module } from '@nestjs/common';
import { IntrospectionAccessPlugin } from './introspection-access.plugin.js';
import { QueryLimitsPlugin } from './query-limits.plugin.js';
import { RequestStatusPlugin } from './request-status.plugin.js';

/** Apollo plugins that guard and shape every GraphQL request. */
@Module({ providers: [QueryLimitsPlugin, IntrospectionAccessPlugin, RequestStatusPlugin] })
export class GraphqlPluginsModule {}
