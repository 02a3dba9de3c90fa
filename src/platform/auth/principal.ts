import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';

/** Who is calling: set on the request by the auth guard (static token or JWT subject). */
export interface Principal {
  subject: string;
  scopes: ReadonlySet<string>;
  via: 'static-token' | 'jwt' | 'dev-mode';
}

export interface RequestWithPrincipal {
  principal?: Principal;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal & Record<string, unknown> {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal & Record<string, unknown> }>().req;
  }
  return context.switchToHttp().getRequest();
}

/** The calling principal's subject (recorded as createdBy/updatedBy), or undefined when auth is off. */
export const CallerSubject = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string | undefined => requestOf(context).principal?.subject,
);
