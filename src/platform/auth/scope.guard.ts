import { type CanActivate, type ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors/planning-error.js';
import { requestOf } from './principal.js';
import { grants, REQUIRED_SCOPE, type Scope } from './scopes.js';

export const PUBLIC_ROUTE = 'planner:public';

/** No token needed (health probes). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Reads need `read`, mutations `write`, unless the handler says otherwise with @RequireScope. */
@Injectable()
export class ScopeGuard implements CanActivate {
  public constructor(private readonly reflector: Reflector) {}

  public canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const principal = requestOf(context).principal;
    if (!principal) throw new UnauthenticatedError('UNAUTHENTICATED', 'A valid bearer token is required.');
    const needed =
      this.reflector.getAllAndOverride<Scope>(REQUIRED_SCOPE, [context.getHandler(), context.getClass()]) ?? defaultScope(context);
    if (!grants(principal.scopes, needed)) {
      throw new ForbiddenError(
        'INSUFFICIENT_SCOPE',
        `This operation needs the "${needed}" scope; "${principal.subject}" has ${[...principal.scopes].join(', ') || 'none'}.`,
      );
    }
    return true;
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
