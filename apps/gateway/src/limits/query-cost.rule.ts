import {
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { assertLimit, LimitReason, limitExceededError } from './limit.errors';

export interface ListSizeOptions {
  /** List size assumed for a list or connection field without `first`/`last`. */
  defaultListSize: number;
  /** The page size cap the subgraphs enforce: a larger `first`/`last` counts as this. */
  maxListSize: number;
}

export interface QueryCostOptions extends ListSizeOptions {
  /** Highest estimated cost an operation may have. */
  maxCost: number;
}

/** Variable values as the request sent them (before coercion). */
export type VariableValues = Readonly<Record<string, unknown>>;

/**
 * Estimates what an operation costs the subgraphs: every field costs 1, and the fields below a
 * list are counted once per expected item. The expected size is the field's `first` or `last`
 * argument (literal, variable, or default), else `defaultListSize`, capped at `maxListSize`.
 * For a Relay connection (a type named `…Connection`) the connection's `first`/`last` multiplies
 * its `edges` and `nodes`, while `pageInfo` or `totalCount` are counted once.
 *
 * `variables: undefined` means the values are not known (as in Apollo Server's `validationRules`),
 * so a page size taken from a variable counts as `maxListSize`; pass `{}` when the request really
 * sent none. Meta fields (`__typename`, introspection) cost nothing: the gateway answers them.
 * Fragments on several types are all added, so the result is an upper bound.
 *
 * When `operationName` is omitted and the document has several operations, the dearest one counts.
 */
export function estimateQueryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: VariableValues | undefined,
  options: ListSizeOptions,
  operationName?: string | null,
): number {
  assertListSizeOptions(options);
  const fragments = new Map<string, FragmentDefinitionNode>();
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    else if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  }
  let cost = 0;
  for (const operation of operations) {
    if (operationName && operation.name?.value !== operationName) continue;
    cost = Math.max(cost, operationCost(schema, operation, (name) => fragments.get(name), variables, options));
  }
  return cost;
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost` (see `estimateQueryCost`). Apollo
 * Server's `validationRules` never see the variables, so there the rule must assume the worst for
 * variable page sizes; `queryCostPlugin` checks with the real variables instead. Pass `variables`
 * when validating yourself, e.g. `validate(schema, document, [maxCostRule(options, variables)])`.
 */
export function maxCostRule(options: QueryCostOptions, variables?: VariableValues): ValidationRule {
  assertLimit('maxCost', options.maxCost);
  assertListSizeOptions(options);
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const cost = operationCost(context.getSchema(), operation, (name) => context.getFragment(name) ?? undefined, variables, options);
      if (cost > options.maxCost) context.reportError(queryTooCostlyError(cost, options.maxCost, operation));
      return false;
    },
  });
}

export function queryTooCostlyError(cost: number, maxCost: number, operation?: OperationDefinitionNode): GraphQLError {
  return limitExceededError(LimitReason.QUERY_TOO_COSTLY, `Query cost ${cost} exceeds the limit of ${maxCost}.`, operation);
}

function assertListSizeOptions(options: ListSizeOptions): void {
  assertLimit('maxListSize', options.maxListSize);
  assertLimit('defaultListSize', options.defaultListSize, { allowZero: true });
  if (options.defaultListSize > options.maxListSize) {
    throw new RangeError(`defaultListSize (${options.defaultListSize}) must not exceed maxListSize (${options.maxListSize})`);
  }
}

const PAGE_SIZE_ARGUMENTS = ['first', 'last'] as const;
const ABSENT = Symbol('absent');

function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  getFragment: (name: string) => FragmentDefinitionNode | undefined,
  variables: VariableValues | undefined,
  options: ListSizeOptions,
): number {
  const variableDefaults = new Map<string, unknown>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) variableDefaults.set(definition.variable.name.value, valueFromASTUntyped(definition.defaultValue));
  }
  // A fragment's cost depends only on the page size of an enclosing connection, so it is memoised
  // by that; "fragment bombs" (each fragment spreading the next twice) then stay linear.
  const fragmentCosts = new Map<string, number>();
  const visiting = new Set<string>();

  const argumentValue = (field: FieldNode, fieldDef: GraphQLField<unknown, unknown>, name: string): unknown => {
    const argument = field.arguments?.find((arg) => arg.name.value === name);
    let value: unknown = ABSENT;
    if (argument?.value.kind === Kind.VARIABLE) {
      const variable = argument.value.name.value;
      if (!variables) return options.maxListSize;
      if (Object.hasOwn(variables, variable)) value = variables[variable];
      else if (variableDefaults.has(variable)) value = variableDefaults.get(variable);
    } else if (argument?.value.kind === Kind.INT) {
      value = Number(argument.value.value);
    } else if (argument) {
      value = null; // an explicit null, or an invalid literal that validation reports
    }
    // An absent argument (or an unset variable) takes the schema's default, as execution would.
    if (value === ABSENT) value = fieldDef.args.find((arg) => arg.name === name)?.defaultValue;
    return value;
  };

  const listSize = (field: FieldNode, fieldDef: GraphQLField<unknown, unknown>): number => {
    let size: number | undefined;
    for (const name of PAGE_SIZE_ARGUMENTS) {
      const value = argumentValue(field, fieldDef, name);
      if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? value, value);
    }
    return Math.min(Math.max(size ?? options.defaultListSize, 0), options.maxListSize);
  };

  const fieldCost = (parentType: GraphQLNamedType | undefined, field: FieldNode, connectionSize: number | undefined): number => {
    const name = field.name.value;
    if (name.startsWith('__')) return 0;
    const fieldDef = isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
    // Unknown fields are reported by FieldsOnCorrectTypeRule; leaves cost just themselves.
    if (!fieldDef || !field.selectionSet) return 1;
    const type = getNamedType(fieldDef.type);
    const returnsList = isListType(getNullableType(fieldDef.type));
    const isPage = connectionSize !== undefined && (name === 'edges' || name === 'nodes');
    const multiplier = isPage ? connectionSize : returnsList ? listSize(field, fieldDef) : 1;
    const pageSize = type.name.endsWith('Connection') ? listSize(field, fieldDef) : undefined;
    return 1 + multiplier * selectionSetCost(type, field.selectionSet, pageSize);
  };

  const fragmentCost = (name: string, connectionSize: number | undefined): number => {
    const key = `${name}/${connectionSize ?? ''}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = getFragment(name);
    // Unknown fragments and cycles are reported by the specified rules.
    if (!fragment || visiting.has(name)) return 0;
    visiting.add(name);
    const cost = selectionSetCost(schema.getType(fragment.typeCondition.name.value) ?? undefined, fragment.selectionSet, connectionSize);
    visiting.delete(name);
    fragmentCosts.set(key, cost);
    return cost;
  };

  // `connectionSize` is set while inside a connection's own selection set (fragments included).
  const selectionSetCost = (
    parentType: GraphQLNamedType | undefined,
    selectionSet: SelectionSetNode,
    connectionSize: number | undefined,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        cost += fieldCost(parentType, selection, connectionSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) ?? undefined) : parentType;
        cost += selectionSetCost(type, selection.selectionSet, connectionSize);
      } else {
        cost += fragmentCost(selection.name.value, connectionSize);
      }
    }
    return cost;
  };

  return selectionSetCost(schema.getRootType(operation.operation) ?? undefined, operation.selectionSet, undefined);
}
