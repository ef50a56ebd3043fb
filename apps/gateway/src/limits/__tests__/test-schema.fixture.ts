import { buildSchema } from 'graphql';

/** A small stand-in for the supergraph API schema: nesting, plain lists and a Relay connection. */
export const testSchema = buildSchema(/* GraphQL */ `
  type Query {
    viewer: User
    organization(id: ID!): Organization
    organizations(first: Int, last: Int, after: String, status: OrganizationStatus): OrganizationConnection!
    standards(first: Int): [Standard!]!
    pagedStandards(first: Int = 5): [Standard!]!
    tags: [String!]!
    search(term: String!): [SearchResult!]!
  }

  type User {
    id: ID!
    name: String!
    organization: Organization
    friends: [User!]!
  }

  type Organization {
    id: ID!
    name: String!
    status: OrganizationStatus!
    parent: Organization
    members(first: Int): [User!]!
  }

  enum OrganizationStatus {
    ACTIVE
    SUSPENDED
  }

  type OrganizationConnection {
    edges: [OrganizationEdge!]!
    nodes: [Organization!]!
    pageInfo: PageInfo!
    totalCount: Int!
  }

  type OrganizationEdge {
    cursor: String!
    node: Organization!
  }

  type PageInfo {
    hasNextPage: Boolean!
    endCursor: String
  }

  type Standard {
    id: ID!
    title: String!
    clauses: [Clause!]!
  }

  type Clause {
    id: ID!
    text: String!
  }

  union SearchResult = Organization | Standard
`);

/** `depth` fragments, each spreading the next one twice: 2^depth paths, a classic parser bomb. */
export function fragmentBomb(depth: number, leaf: string): string {
  const fragments = [];
  for (let i = 0; i < depth; i++) fragments.push(`fragment F${i} on User { ...F${i + 1} friends { ...F${i + 1} } }`);
  fragments.push(`fragment F${depth} on User { ${leaf} }`);
  return `query Bomb { viewer { ...F0 } }\n${fragments.join('\n')}`;
}
