import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import { assertLimit, LimitReason, limitExceededError } from './limit.errors';

/**
 * Refuses operations nested deeper than `maxDepth` field levels (`{ a { b } }` has depth 2).
 * Fragment spreads and inline fragments add no level of their own; their fields count where they
 * are spread. Meta fields (`__typename`, `__schema`, `__type`) are answered by the gateway itself
 * and are ignored; graphql-js's MaxIntrospectionDepthRule already bounds introspection nesting.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  assertLimit('maxDepth', maxDepth);
  return (context: ValidationContext) => {
    // A fragment's depth does not depend on where it is spread, so memoising it keeps
    // "fragment bombs" (each fragment spreading the next one twice) linear.
    const fragmentDepths = new Map<string, number>();
    const visiting = new Set<string>();

    const selectionSetDepth = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        let depth = 0;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          depth = 1 + (selection.selectionSet ? selectionSetDepth(selection.selectionSet) : 0);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          depth = selectionSetDepth(selection.selectionSet);
        } else {
          depth = fragmentDepth(selection.name.value);
        }
        deepest = Math.max(deepest, depth);
      }
      return deepest;
    };

    const fragmentDepth = (name: string): number => {
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      const fragment = context.getFragment(name);
      // Unknown fragments and cycles are reported by the specified rules; count them as flat.
      if (!fragment || visiting.has(name)) return 0;
      visiting.add(name);
      const depth = selectionSetDepth(fragment.selectionSet);
      visiting.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    return {
      OperationDefinition(operation: OperationDefinitionNode) {
        const depth = selectionSetDepth(operation.selectionSet);
        if (depth > maxDepth) {
          context.reportError(
            limitExceededError(LimitReason.QUERY_TOO_DEEP, `Query depth ${depth} exceeds the limit of ${maxDepth}.`, operation),
          );
        }
        return false;
      },
    };
  };
}

