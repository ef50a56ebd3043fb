import { Test } from '@nestjs/testing';
import { Args, Field, GraphQLSchemaBuilderModule, GraphQLSchemaFactory, ID, ObjectType, Query, Resolver } from '@nestjs/graphql';
import {
  getNamedType,
  GraphQLObjectType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  printSchema,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { Connection } from '../connection.factory';
import { PageArgs } from '../page.args';

@ObjectType({ description: 'A member organisation.' })
class Organization {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;
}

@ObjectType('Standard', { description: 'A group standard.' })
class StandardModel {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;
}

@ObjectType({ description: 'An event on the timeline.' })
class TimelineEvent {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;
}

const OrganizationConnection = Connection(Organization);
const StandardConnection = Connection(StandardModel);
const MemberConnection = Connection(Organization, 'Member');

@Resolver()
class ListResolver {
  @Query(() => OrganizationConnection, { description: 'Organisations, oldest first.' })
  organizations(@Args() _page: PageArgs): null {
    return null;
  }

  @Query(() => StandardConnection, { description: 'Standards, oldest first.' })
  standards(@Args() _page: PageArgs): null {
    return null;
  }

  @Query(() => MemberConnection, { description: 'Members, oldest first.' })
  members(@Args() _page: PageArgs): null {
    return null;
  }
}

async function buildSchema(): Promise<GraphQLSchema> {
  const moduleRef = await Test.createTestingModule({ imports: [GraphQLSchemaBuilderModule] }).compile();
  return moduleRef.get(GraphQLSchemaFactory).create([ListResolver]);
}

function objectType(schema: GraphQLSchema, name: string): GraphQLObjectType {
  const type = schema.getType(name);
  if (!isObjectType(type)) throw new Error(`${name} is not an object type`);
  return type;
}

function fieldSignature(type: GraphQLObjectType): Record<string, string> {
  return Object.fromEntries(Object.values(type.getFields()).map((field) => [field.name, String(field.type)]));
}

describe('Connection()', () => {
  let schema: GraphQLSchema;

  beforeAll(async () => {
    schema = await buildSchema();
  });

  it('names the connection and edge after the item GraphQL type', () => {
    expect(fieldSignature(objectType(schema, 'OrganizationConnection'))).toEqual({
      edges: '[OrganizationEdge!]!',
      nodes: '[Organization!]!',
      pageInfo: 'PageInfo!',
      totalCount: 'Int!',
    });
    expect(fieldSignature(objectType(schema, 'OrganizationEdge'))).toEqual({ cursor: 'String!', node: 'Organization!' });
  });

  it('uses the GraphQL name, not the class name, of the item type', () => {
    expect(fieldSignature(objectType(schema, 'StandardConnection')).nodes).toBe('[Standard!]!');
    expect(schema.getType('StandardModelConnection')).toBeUndefined();
  });

  it('takes an explicit name, so one item type can have two connections', () => {
    expect(fieldSignature(objectType(schema, 'MemberConnection'))).toMatchObject({ edges: '[MemberEdge!]!', nodes: '[Organization!]!' });
  });

  it('defines PageInfo once, shared by every connection', () => {
    const pageInfo = objectType(schema, 'PageInfo');
    for (const name of ['OrganizationConnection', 'StandardConnection', 'MemberConnection']) {
      expect(getNamedType(objectType(schema, name).getFields().pageInfo.type)).toBe(pageInfo);
    }
    expect(printSchema(schema).match(/^type PageInfo\b/gm)).toHaveLength(1);
    expect(fieldSignature(pageInfo)).toEqual({ hasNextPage: 'Boolean!', hasPreviousPage: 'Boolean!', startCursor: 'String', endCursor: 'String' });
  });

  it('marks PageInfo @shareable, as several subgraphs define it', () => {
    const directives = objectType(schema, 'PageInfo').astNode?.directives?.map((directive) => directive.name.value);
    expect(directives).toEqual(['shareable']);
  });

  it('gives PageArgs a bounded first with a default, and an optional after', () => {
    const args = Object.fromEntries(objectType(schema, 'Query').getFields().organizations.args.map((arg) => [arg.name, arg]));
    expect(String(args.first.type)).toBe('Int!');
    expect(args.first.defaultValue).toBe(20);
    expect(args.first.description).toContain('from 1 to 100');
    expect(String(args.after.type)).toBe('String');
  });

  it('describes every type, field and argument it defines', () => {
    const missing: string[] = [];
    const check = (type: GraphQLNamedType): void => {
      if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) return;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
    };
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name !== 'Query') check(type);
    }
    for (const field of Object.values(objectType(schema, 'Query').getFields())) {
      for (const arg of field.args) if (!arg.description) missing.push(`Query.${field.name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });

  it('returns the same class when called again for the same item and name', () => {
    expect(Connection(Organization)).toBe(OrganizationConnection);
    expect(Connection(Organization, 'Member')).toBe(MemberConnection);
  });

  it('refuses a name already used for another item type', () => {
    expect(() => Connection(TimelineEvent, 'Organization')).toThrow(
      'OrganizationConnection is already defined for Organization; pass a distinct name for TimelineEvent',
    );
  });

  it('refuses a name that collides with an existing GraphQL type', () => {
    @ObjectType({ description: 'Clashes with a generated name.' })
    class AuditEdge {
      @Field(() => ID, { description: 'Identifier.' })
      id: string;
    }
    expect(AuditEdge).toBeDefined();
    expect(() => Connection(TimelineEvent, 'Audit')).toThrow('a GraphQL type named AuditEdge already exists');
  });

  it('refuses a name that is not a GraphQL name', () => {
    expect(() => Connection(TimelineEvent, 'Timeline-Event')).toThrow('is not a valid GraphQL name');
  });
});
