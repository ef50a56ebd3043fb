import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { assertLimit, LimitReason, limitExceededError } from './limit.errors';

/**
 * Refuses operations with more than `maxAliases` aliased fields. Aliases are how one request asks
 * for the same expensive field hundreds of times (`a1: search(...) a2: search(...)`), which the
 * depth limit cannot see. A fragment's aliases count once per spread, since each spread is executed.
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  assertLimit('maxAliases', maxAliases, { allowZero: true });
  return (context: ValidationContext) => {
    // Memoised per fragment so nested spreads are counted in linear time.
    const fragmentAliases = new Map<string, number>();
    const visiting = new Set<string>();

    const selectionSetAliases = (selectionSet: SelectionSetNode): number => {
      let count = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) count += 1;
          if (selection.selectionSet) count += selectionSetAliases(selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          count += selectionSetAliases(selection.selectionSet);
        } else {
          count += fragmentAliasCount(selection.name.value);
        }
      }
      return count;
    };

    const fragmentAliasCount = (name: string): number => {
      const known = fragmentAliases.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      // Unknown fragments and cycles are reported by the specified rules.
      if (!fragment || visiting.has(name)) return 0;
      visiting.add(name);
      const count = selectionSetAliases(fragment.selectionSet);
      visiting.delete(name);
      fragmentAliases.set(name, count);
      return count;
    };

    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const count = selectionSetAliases(operation.selectionSet);
        if (count > maxAliases) {
          context.reportError(
            limitExceededError(
              LimitReason.TOO_MANY_ALIASES,
              `Operation uses ${count} aliases, more than the limit of ${maxAliases}.`,
              operation,
            ),
          );
        }
        return false;
      },
    };
  };
}
