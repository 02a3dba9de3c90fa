import { type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ThrottlerGuard, type ThrottlerRequest } from '@nestjs/throttler';
import type { RequestWithPrincipal } from '../auth/principal.js';

const COUNTED = Symbol('rateLimitCounted');

/**
 * Per-caller limits for REST and GraphQL: the tracker is the token's subject (the client address when auth is off),
 * and a GraphQL request counts once however many root fields it selects.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  private readonly storeLogger = new Logger('RateLimit');

  protected override async getTracker(req: Record<string, unknown> & RequestWithPrincipal): Promise<string> {
    const principal = req.principal;
    return principal && principal.via !== 'dev-mode' ? `sub:${principal.subject}` : `ip:${String(req.ip ?? 'unknown')}`;
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
    const { req } = this.getRequestResponse(requestProps.context);
    // The first root field of a GraphQL operation counts the request; the others share its outcome (the same promise),
    // so when it is over the limit every field fails, not just the first, and the response is a 429 with no data.
    req[COUNTED as unknown as string] ??= this.count(requestProps);
    return await (req[COUNTED as unknown as string] as Promise<boolean>);
  }

  private async count(requestProps: ThrottlerRequest): Promise<boolean> {
    try {
      return await super.handleRequest(requestProps);
    } catch (error) {
      if (error instanceof Error && error.name === 'ThrottlerException') throw error;
      // The shared counter store is unreachable: serve the request rather than fail it.
      this.storeLogger.warn(`rate-limit store unavailable, request allowed: ${String(error)}`);
      return true;
    }
  }
}
