import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { graphQLRequestError } from '../errors/graphql-error.formatter.js';

/**
 * The validation rules that bound an operation's shape: GRAPHQL_MAX_DEPTH levels below a root field and
 * GRAPHQL_MAX_ALIASES aliases (`__typename` included: aliasing it is how a tiny document asks for huge answers).
 * graphql-armor's rules follow each fragment once and reuse its count, so they run in time linear in the document.
 */
export function queryShapeRules(maxDepth: number, maxAliases: number): ValidationRule[] {
  return [
    maxDepthRule({
      // graphql-armor counts a root field as level 1; GRAPHQL_MAX_DEPTH counts it as level 0. Spreads add no level.
      n: maxDepth + 1,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        (context) =>
          context?.reportError(
            graphQLRequestError('GRAPHQL_DEPTH_LIMIT', `The operation is nested too deeply (at most ${maxDepth} levels).`, { maxDepth }),
          ),
      ],
    }),
    maxAliasesRule({
      n: maxAliases,
      allowList: [],
      propagateOnRejection: false,
      onReject: [
        (context) =>
          context?.reportError(
            graphQLRequestError('GRAPHQL_ALIAS_LIMIT', `The operation uses more than ${maxAliases} aliases; ask for each field once.`, {
              maxAliases,
            }),
          ),
      ],
    }),
  ];
}

/**
 * How many fields the operation selects once its fragments are expanded, counting each fragment once (memoised), so it
 * takes time linear in the document even when every fragment spreads the next one twice. Stops counting above `cap`.
 * Every field costs at least 1, so an operation over the cost limit by this count is refused without costing it.
 */
export function expandedFieldCount(document: DocumentNode, operation: OperationDefinitionNode, cap: number): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const perFragment = new Map<string, number>();
  const count = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) total += 1 + (selection.selectionSet ? count(selection.selectionSet) : 0);
      else if (selection.kind === Kind.INLINE_FRAGMENT) total += count(selection.selectionSet);
      else {
        const name = selection.name.value;
        let known = perFragment.get(name);
        if (known === undefined) {
          // A cycle (refused by validation anyway) counts as the cap rather than recursing forever.
          perFragment.set(name, cap + 1);
          const fragment = fragments.get(name);
          known = fragment ? count(fragment.selectionSet) : 0;
          perFragment.set(name, known);
        }
        total += known;
      }
      if (total > cap) return cap + 1;
    }
    return total;
  };
  return count(operation.selectionSet);
}
