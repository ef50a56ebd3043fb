import type { Type } from '@nestjs/common';
import { Field, Int, ObjectType, TypeMetadataStorage } from '@nestjs/graphql';
import { PageInfo } from './page-info.type';

export interface EdgeShape<T> {
  cursor: string;
  node: T;
}

/** What a connection field resolves to; `paginate` returns it as a plain object. */
export interface ConnectionShape<T> {
  edges: EdgeShape<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** Only referenced in decorators and types: resolvers return plain `ConnectionShape` objects. */
export type ConnectionClass<T> = abstract new () => ConnectionShape<T>;

/** Any class, abstract or not: `@ObjectType` classes are often abstract bases. */
export type ItemClass<T> = abstract new (...args: never[]) => T;

const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

// Type metadata in @nestjs/graphql is global to the process, so each name is defined once and
// handed out again on later calls, whichever module asks.
const connectionsByName = new Map<string, { itemType: ItemClass<unknown>; connection: ConnectionClass<unknown> }>();

function graphqlNameOf(itemType: ItemClass<unknown>): string {
  return TypeMetadataStorage.getObjectTypeMetadataByTarget(itemType as unknown as Type<unknown>)?.name ?? itemType.name;
}

function assertNameFree(typeName: string): void {
  const taken = [...TypeMetadataStorage.getObjectTypesMetadata(), ...TypeMetadataStorage.getInterfacesMetadata()].some(
    (metadata) => metadata.name === typeName && !metadata.isAbstract,
  );
  if (taken) {
    throw new Error(`Connection(): a GraphQL type named ${typeName} already exists; pass another name.`);
  }
}

/**
 * Defines `<Name>Connection` and `<Name>Edge` for `itemType`, where Name is `name`, else the item's
 * GraphQL type name. Calling it again for the same item and name returns the same class; the same
 * name for another item is an error rather than a schema with two types of one name.
 *
 *   export const OrganizationConnection = Connection(Organization);
 *   @Query(() => OrganizationConnection, { description: '…' })
 *   organizations(@Args() page: PageArgs): Promise<ConnectionShape<Organization>> { … }
 */
export function Connection<T>(itemType: ItemClass<T>, name?: string): ConnectionClass<T> {
  const baseName = name ?? graphqlNameOf(itemType);
  if (!GRAPHQL_NAME.test(baseName)) {
    throw new Error(`Connection(): ${JSON.stringify(baseName)} is not a valid GraphQL name.`);
  }
  const existing = connectionsByName.get(baseName);
  if (existing) {
    if (existing.itemType !== itemType) {
      throw new Error(`Connection(): ${baseName}Connection is already defined for ${existing.itemType.name}; pass a distinct name for ${itemType.name}.`);
    }
    return existing.connection as ConnectionClass<T>;
  }

  const connectionName = `${baseName}Connection`;
  const edgeName = `${baseName}Edge`;
  assertNameFree(connectionName);
  assertNameFree(edgeName);

  @ObjectType(edgeName, { description: `One ${baseName} in a ${connectionName}, with its cursor.` })
  abstract class Edge implements EdgeShape<T> {
    @Field(() => String, { description: `Opaque cursor of this item; pass it as \`after\` to continue after it.` })
    cursor: string;

    @Field(() => itemType, { description: `The ${baseName} itself.` })
    node: T;
  }

  @ObjectType(connectionName, { description: `A page of ${baseName} items.` })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => [Edge], { description: `The ${baseName} items on this page with their cursors, in list order.` })
    edges: EdgeShape<T>[];

    @Field(() => [itemType], { description: `The ${baseName} items on this page, in list order, without cursors.` })
    nodes: T[];

    @Field(() => PageInfo, { description: 'Cursors and whether another page follows.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: `How many ${baseName} items the whole list holds, across all pages.` })
    totalCount: number;
  }

  // Readable class names in stack traces and Nest's own error messages.
  Object.defineProperty(Edge, 'name', { value: edgeName });
  Object.defineProperty(ConnectionType, 'name', { value: connectionName });
  connectionsByName.set(baseName, { itemType, connection: ConnectionType });
  return ConnectionType;
}
