import type {
  ApolloServerPlugin,
  GraphQLRequestContextResponseForOperation,
  GraphQLRequestListener,
  GraphQLResponse,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import type { ExecutionContext } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import { getArgumentValues, getVariableValues, Kind, OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { CatalogService } from '../catalogs/catalog.service.js';
import { DEFAULT_CATALOG } from '../../domain/spec/design-spec.types.js';
import { AppConfig } from '../../platform/config/app-config.service.js';
import { ScopeGuard } from '../../platform/auth/scope.guard.js';
import { RateLimitGuard } from '../../platform/rate-limit/rate-limit.guard.js';
import { rememberSerialized } from '../../platform/graphql/serialized-result.js';
import { CapacityResolver } from './capacity.resolver.js';

/** Root fields whose answer is a pure function of their arguments and the catalog they read. */
const CACHEABLE_FIELDS = new Set<keyof CapacityResolver>(['maxPods', 'maxPodsTable', 'subnetUsage']);

/** Longer keys (huge documents or variables) are not worth remembering. */
const MAX_KEY_CHARS = 16 * 1024;

type Context = { req?: object; reply?: object };
/** The JSON text Apollo sends, and the frozen answer it is the text of (shared by every hit; nothing may change it). */
type Entry = { text: string; data: Readonly<Record<string, unknown>> };
type OperationContext = GraphQLRequestContextResponseForOperation<Context>;

/**
 * Whole answers of the capacity queries by (document, operation, variables, catalog version): the `aws` catalog never
 * changes in a process, so the portal's catalogue page (the 1,391-row maxPodsTable opened by many people at once)
 * is computed and serialized once. A custom catalog's version changes when it does (CatalogService.version), so its
 * old answers are never served again and age out. Only error-free answers are kept, each with its JSON text so a hit
 * is neither executed nor serialized again; the bound is GRAPHQL_RESULT_CACHE_MAX_BYTES, least recently used first,
 * an entry counting twice its text (the text, and the parsed answer, which is about as large) plus its key.
 *
 * A hit skips execution, so it is served only after the resolver's own guards allowed the call: ScopeGuard and
 * RateLimitGuard run once here against the resolver's class and method (the rate limit counts the request once; the
 * resolvers share that count on a miss). When a guard refuses, the operation executes and the resolver answers the
 * error as it always has.
 */
@Plugin()
export class CapacityResultCachePlugin implements ApolloServerPlugin<Context> {
  private readonly cache: LRUCache<string, Entry> | undefined;

  public constructor(
    config: AppConfig,
    private readonly catalogs: CatalogService,
    private readonly scopeGuard: ScopeGuard,
    private readonly rateLimitGuard: RateLimitGuard,
  ) {
    const maxSize = config.get('GRAPHQL_RESULT_CACHE_MAX_BYTES');
    this.cache = maxSize > 0 ? new LRUCache({ maxSize, sizeCalculation: ({ text }, key) => 2 * text.length + key.length }) : undefined;
  }

  /** What the cache holds now (entries, bytes as the bound counts them, the bound). */
  public get stats(): { entries: number; bytes: number; maxBytes: number } {
    return { entries: this.cache?.size ?? 0, bytes: this.cache?.calculatedSize ?? 0, maxBytes: this.cache?.maxSize ?? 0 };
  }

  public async requestDidStart(): Promise<GraphQLRequestListener<Context>> {
    let key: string | undefined;
    return {
      responseForOperation: async (requestContext) => {
        key = await this.keyOf(requestContext);
        if (key === undefined || !(await this.allowed(requestContext))) {
          key = undefined;
          return null;
        }
        const entry = this.cache?.get(key);
        return entry === undefined ? null : answer(entry);
      },
      willSendResponse: async ({ response }) => {
        if (key === undefined || response.body.kind !== 'single') return;
        const { data, errors, extensions } = response.body.singleResult;
        if (!data || errors !== undefined || extensions !== undefined || this.cache?.has(key)) return;
        this.cache?.set(key, { text: rememberSerialized(data), data: deepFreeze(data) });
      },
    };
  }

  /** undefined when the operation is not made only of cacheable root fields over a known catalog. */
  private async keyOf({ request, operation, schema }: OperationContext): Promise<string | undefined> {
    if (!this.cache || operation.operation !== OperationTypeNode.QUERY || request.query === undefined) return undefined;
    const queryType = schema.getQueryType();
    const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
    if (!queryType || variables.errors) return undefined;
    const catalogs = new Set<string>();
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
      if (selection.name.value === '__typename') continue;
      const field = queryType.getFields()[selection.name.value];
      if (!field || !CACHEABLE_FIELDS.has(field.name as keyof CapacityResolver)) return undefined;
      let input: unknown;
      try {
        input = getArgumentValues(field, selection, variables.coerced).input;
      } catch {
        return undefined;
      }
      const catalog = (input as { catalog?: unknown } | undefined)?.catalog ?? DEFAULT_CATALOG;
      if (typeof catalog !== 'string') return undefined;
      catalogs.add(catalog);
    }
    let versions: string[];
    try {
      versions = await Promise.all([...catalogs].sort().map((catalog) => this.catalogs.version(catalog)));
    } catch {
      // An unknown catalog: the resolver answers CATALOG_NOT_FOUND.
      return undefined;
    }
    const key = JSON.stringify([versions, request.operationName ?? null, request.variables ?? {}, request.query]);
    return key.length <= MAX_KEY_CHARS ? key : undefined;
  }

  /** The guards every cacheable root field's resolver has, against that resolver: would the call be allowed? */
  private async allowed({ operation, contextValue }: OperationContext): Promise<boolean> {
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD || selection.name.value === '__typename') continue;
      const context = resolverContext(selection.name.value as keyof CapacityResolver, contextValue, operation);
      try {
        if (!this.scopeGuard.canActivate(context) || !(await this.rateLimitGuard.canActivate(context))) return false;
      } catch {
        return false;
      }
    }
    return true;
  }
}

/** The execution context Nest builds for a root-field resolver call: [root, args, context, info], type graphql. */
function resolverContext(field: keyof CapacityResolver, contextValue: Context, operation: OperationDefinitionNode): ExecutionContext {
  // The method itself (never called here): the guards read its metadata (@RequireScope, @SkipThrottle, …).
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const handler = CapacityResolver.prototype[field] as (...args: unknown[]) => unknown;
  const context = new ExecutionContextHost([undefined, {}, contextValue, { operation }], CapacityResolver, handler);
  context.setType('graphql');
  return context;
}

/** The remembered text goes out as it is (see stringifyResult in platform/graphql/serialized-result.ts). */
function answer({ data }: Entry): GraphQLResponse {
  return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
