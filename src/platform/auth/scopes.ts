import { SetMetadata } from '@nestjs/common';

/** `admin` implies `write`, which implies `read`. */
export const SCOPES = ['read', 'write', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

const RANK: Record<Scope, number> = { read: 1, write: 2, admin: 3 };

export function grants(held: ReadonlySet<string>, needed: Scope): boolean {
  return SCOPES.some((scope) => held.has(scope) && RANK[scope] >= RANK[needed]);
}

export const REQUIRED_SCOPE = 'planner:requiredScope';

/** Overrides the default (reads need `read`, mutations `write`): e.g. catalog changes need `admin`, computations `read`. */
export const RequireScope = (scope: Scope) => SetMetadata(REQUIRED_SCOPE, scope);
