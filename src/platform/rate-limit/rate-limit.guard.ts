import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerException, ThrottlerGuard, throttlerMessage, type ThrottlerRequest } from '@nestjs/throttler';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface.js';
import type { RequestWithPrincipal } from '../auth/principal.js';
import type { SynchronousThrottlerStorage } from './fixed-window.storage.js';

const COUNTED = Symbol('rateLimitCounted');
const PLANS = Symbol('rateLimitPlans');

/** One throttler's limits as resolved for a route (module options, or the route's own @Throttle). */
export interface RateLimitPlan {
  throttler: string;
  limit: number;
  ttl: number;
  blockDuration: number;
  /** False when the route tracks or keys callers its own way: only the Nest path applies such a plan. */
  callerKeyed: boolean;
}

type LimitedRequest = Record<string | symbol, unknown> & RequestWithPrincipal & { ip?: string };
interface HeaderSink {
  header(name: string, value: string | number): unknown;
}

/**
 * Per-caller limits for REST and GraphQL: the tracker (and the key: one budget per caller across every route and GraphQL
 * operation) is the token's subject, or the client address when auth is off; a GraphQL request counts once however many
 * root fields it selects. `consume` is the decision, called by this guard and by the REST answer cache's fast path.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly storeLogger = new Logger('RateLimit');

  /** The throttlers' plans this request was counted under (the REST answer cache stores them beside the answer). */
  public static plansOf(request: object): readonly RateLimitPlan[] | undefined {
    return (request as LimitedRequest)[PLANS] as RateLimitPlan[] | undefined;
  }

  public callerKey(req: RequestWithPrincipal & { ip?: string }): string {
    const principal = req.principal;
    return principal && principal.via !== 'dev-mode' ? `sub:${principal.subject}` : `ip:${String(req.ip ?? 'unknown')}`;
  }

  /**
   * Counts one request of the caller `key` against `plan`: sets the X-RateLimit-* headers, or Retry-After and throws
   * the 429 when the caller is over the limit. An unreachable counter store allows the request rather than fail it.
   * The in-process store answers at once, so only the Redis store costs a promise.
   */
  public consume(key: string, plan: RateLimitPlan, reply: HeaderSink): true | Promise<true> {
    const storage = this.storageService as ThrottlerStorage & Partial<SynchronousThrottlerStorage>;
    if (storage.incrementNow === undefined) return this.consumeLater(key, plan, reply);
    let record: ThrottlerStorageRecord;
    try {
      record = storage.incrementNow(key, plan.ttl, plan.limit, plan.blockDuration, plan.throttler);
    } catch (error) {
      return this.allowWithoutStore(error);
    }
    return this.decide(record, plan, reply);
  }

  /** `consume` under every plan in turn (the REST answer cache's fast path); a promise only when a plan needed one. */
  public consumeAll(key: string, plans: readonly RateLimitPlan[], reply: HeaderSink): void | Promise<void> {
    for (let i = 0; i < plans.length; i++) {
      const counted = this.consume(key, plans[i], reply);
      if (counted !== true) return counted.then(() => this.consumeAll(key, plans.slice(i + 1), reply));
    }
  }

  private async consumeLater(key: string, plan: RateLimitPlan, reply: HeaderSink): Promise<true> {
    let record: ThrottlerStorageRecord;
    try {
      record = await this.storageService.increment(key, plan.ttl, plan.limit, plan.blockDuration, plan.throttler);
    } catch (error) {
      return this.allowWithoutStore(error);
    }
    return this.decide(record, plan, reply);
  }

  private allowWithoutStore(error: unknown): true {
    this.storeLogger.warn(`rate-limit store unavailable, request allowed: ${String(error)}`);
    return true;
  }

  private decide(record: ThrottlerStorageRecord, plan: RateLimitPlan, reply: HeaderSink): true {
    const suffix = plan.throttler === 'default' ? '' : `-${plan.throttler}`;
    if (record.isBlocked) {
      reply.header(`Retry-After${suffix}`, record.timeToBlockExpire);
      throw new ThrottlerException(this.blockedMessage());
    }
    reply.header(`${this.headerPrefix}-Limit${suffix}`, plan.limit);
    reply.header(`${this.headerPrefix}-Remaining${suffix}`, Math.max(0, plan.limit - record.totalHits));
    reply.header(`${this.headerPrefix}-Reset${suffix}`, record.timeToExpire);
    return true;
  }

  protected override async getTracker(req: LimitedRequest): Promise<string> {
    return Promise.resolve(this.callerKey(req));
  }

  protected override generateKey(_context: ExecutionContext, tracker: string): string {
    return tracker;
  }

  // The base class declares these records as `any`; the override keeps its signature.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  protected override getRequestResponse(context: ExecutionContext): { req: Record<string, any>; res: Record<string, any> } {
    if (context.getType<string>() === 'graphql') {
      const { req, reply } = GqlExecutionContext.create(context).getContext<{ req: Record<string, any>; reply: Record<string, any> }>();
      return { req, res: reply };
    }
    return super.getRequestResponse(context);
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */

  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const { req, res } = this.getRequestResponse(requestProps.context) as { req: LimitedRequest; res: HeaderSink };
    // The first root field of a GraphQL operation counts the request; the others share its outcome (the same promise),
    // so when it is over the limit every field fails, not just the first, and the response is a 429 with no data.
    req[COUNTED] ??= this.count(requestProps, req, res);
    return await (req[COUNTED] as Promise<boolean>);
  }

  private async count(requestProps: ThrottlerRequest, req: LimitedRequest, res: HeaderSink): Promise<boolean> {
    const { context, throttler, limit, ttl, blockDuration, getTracker, generateKey } = requestProps;
    const plan: RateLimitPlan = {
      throttler: throttler.name ?? 'default',
      limit,
      ttl,
      blockDuration,
      callerKeyed: getTracker === this.commonOptions.getTracker && generateKey === this.commonOptions.generateKey,
    };
    ((req[PLANS] as RateLimitPlan[] | undefined) ?? (req[PLANS] = [])).push(plan);
    let key: string;
    try {
      key = generateKey(context, await getTracker(req, context), plan.throttler);
    } catch (error) {
      this.storeLogger.warn(`rate-limit key unavailable, request allowed: ${String(error)}`);
      return true;
    }
    return this.consume(key, plan, res);
  }

  private blockedMessage(): string {
    return !Array.isArray(this.options) && typeof this.options.errorMessage === 'string' ? this.options.errorMessage : throttlerMessage;
  }
}
