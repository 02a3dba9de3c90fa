import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors/planning-error.js';
import { type Principal, requestOf } from './principal.js';
import { grants, REQUIRED_SCOPE, type Scope } from './scopes.js';

export const PUBLIC_ROUTE = 'planner:public';

/** No token needed (health probes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** What a handler asks of its caller: nothing (public) or a scope. */
export type RouteAccess = 'public' | Scope;

/** Reads need `read`, mutations `write`, unless the handler says otherwise with @RequireScope. */
@Injectable()
export class ScopeGuard implements CanActivate {
  public constructor(private readonly reflector: Reflector) {}

  public canActivate(context: ExecutionContext): boolean {
    authorize(requestOf(context).principal, this.accessOf(context));
    return true;
  }

  /** The handler's access rule; the REST answer cache keeps it beside an answer so a cached hit is authorized alike. */
  public accessOf(context: ExecutionContext): RouteAccess {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return 'public';
    return this.reflector.getAllAndOverride<Scope>(REQUIRED_SCOPE, targets) ?? defaultScope(context);
  }
}

/**
 * The authorization decision, the one source for ScopeGuard and the REST answer cache's fast path: throws the coded
 * 401/403 a refused caller gets.
 */
export function authorize(principal: Principal | undefined, access: RouteAccess): void {
  if (access === 'public') return;
  if (!principal) throw new UnauthenticatedError('UNAUTHENTICATED', 'A valid bearer token is required.');
  if (!grants(principal.scopes, access)) {
    throw new ForbiddenError(
      'INSUFFICIENT_SCOPE',
      `This operation needs the "${access}" scope; "${principal.subject}" has ${[...principal.scopes].join(', ') || 'none'}.`,
    );
  }
}

function defaultScope(context: ExecutionContext): Scope {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getInfo<{ operation: { operation: string } }>().operation.operation === 'mutation'
      ? 'write'
      : 'read';
  }
  const method = context.switchToHttp().getRequest<{ method: string }>().method;
  return method === 'GET' || method === 'HEAD' ? 'read' : 'write';
}
