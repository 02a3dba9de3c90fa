import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { type DocumentNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ForbiddenError } from '../../domain/errors/planning-error.js';
import type { RequestWithPrincipal } from '../auth/principal.js';
import { toGraphQLError } from '../errors/graphql-error.formatter.js';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);

/**
 * Introspection describes every operation, like /docs: a principal with no scope at all (an identity token that is no
 * caller of this API) cannot run it. Callers with any scope, and the dev mode, can.
 */
@Plugin()
export class IntrospectionAccessPlugin implements ApolloServerPlugin<{ req?: RequestWithPrincipal }> {
  public async requestDidStart(): Promise<GraphQLRequestListener<{ req?: RequestWithPrincipal }>> {
    return {
      didResolveOperation: async ({ contextValue, document, operation }) => {
        const principal = contextValue.req?.principal;
        if (!principal || principal.scopes.size > 0 || !operation || !introspects(document, operation)) return;
        const error = toGraphQLError(
          new ForbiddenError('INSUFFICIENT_SCOPE', 'Introspecting the schema needs a token with at least one scope.'),
        );
        error.extensions.http = { status: 403 };
        throw error;
      },
    };
  }
}

/** Whether a root field of the operation (through root-level fragments, each visited once) is `__schema` or `__type`. */
function introspects(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const seen = new Set<string>();
  const visit = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return INTROSPECTION_FIELDS.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      if (seen.has(selection.name.value)) return false;
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      return fragment ? visit(fragment.selectionSet) : false;
    });
  return visit(operation.selectionSet);
}
