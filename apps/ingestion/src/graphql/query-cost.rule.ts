import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Contract: every list takes at most this many items a page. */
export const MAX_PAGE_SIZE = 100;
const PAGE_ARGUMENTS = new Set(['first', 'last']);
const MAX_NESTING = 64;

/**
 * Refuses operations whose cost exceeds `maxCost`. Cost = fields selected, where a field with a
 * literal `first`/`last` multiplies the cost of its selection by that page size. Literal page
 * sizes outside 1–100 are refused here; page sizes passed as variables cannot be seen by a
 * validation rule (FINDINGS.md), so list resolvers must check them as arguments too.
 */
export function queryCostRule(maxCost: number): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }

    const costOf = (selectionSet: SelectionSetNode, depth: number): number => {
      if (depth > MAX_NESTING) return Number.POSITIVE_INFINITY;
      let cost = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          let multiplier = 1;
          for (const argument of selection.arguments ?? []) {
            if (!PAGE_ARGUMENTS.has(argument.name.value) || argument.value.kind !== Kind.INT) continue;
            const size = Number(argument.value.value);
            if (size < 1 || size > MAX_PAGE_SIZE) {
              context.reportError(
                new GraphQLError(`"${argument.name.value}" must be between 1 and ${MAX_PAGE_SIZE}`, {
                  nodes: [argument],
                }),
              );
            }
            multiplier = Math.max(multiplier, size);
          }
          cost += 1 + (selection.selectionSet ? multiplier * costOf(selection.selectionSet, depth + 1) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          cost += costOf(selection.selectionSet, depth + 1);
        } else {
          const fragment = fragments.get(selection.name.value);
          if (fragment) cost += costOf(fragment.selectionSet, depth + 1);
        }
      }
      return cost;
    };

    return {
      OperationDefinition(operation) {
        const cost = costOf(operation.selectionSet, 0);
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(`query too costly (${Number.isFinite(cost) ? cost : 'unbounded'}; at most ${maxCost})`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}
