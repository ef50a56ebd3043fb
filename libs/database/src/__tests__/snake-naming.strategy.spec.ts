import { Table } from 'typeorm';
import { snakeCase, SnakeNamingStrategy } from '../snake-naming.strategy';

const naming = new SnakeNamingStrategy();

describe('snakeCase', () => {
  it.each([
    ['keyHash', 'key_hash'],
    ['associationIds', 'association_ids'],
    ['createdAt', 'created_at'],
    ['organizationId', 'organization_id'],
    ['APIKey', 'api_key'],
    ['orgID', 'org_id'],
    ['httpURLPath', 'http_url_path'],
    ['sha256Hash', 'sha256_hash'],
    ['status', 'status'],
    ['already_snake', 'already_snake'],
  ])('%s -> %s', (input, expected) => {
    expect(snakeCase(input)).toBe(expected);
  });
});

describe('SnakeNamingStrategy', () => {
  it.each([
    ['OrganizationEntity', 'organization'],
    ['RoleGrantEntity', 'role_grant'],
    ['ApiKeyEntity', 'api_key'],
    ['OutboxEvent', 'outbox_event'],
    ['EntityLinkEntity', 'entity_link'],
  ])('table of %s is %s', (className, table) => {
    expect(naming.tableName(className, undefined)).toBe(table);
  });

  it('keeps a table name given in @Entity', () => {
    expect(naming.tableName('AuditEntryEntity', 'audit_log')).toBe('audit_log');
  });

  it.each([
    ['keyHash', 'key_hash'],
    ['associationIds', 'association_ids'],
    ['passwordHash', 'password_hash'],
    ['id', 'id'],
  ])('column of %s is %s', (property, column) => {
    expect(naming.columnName(property, undefined, [])).toBe(column);
  });

  it('keeps a column name given in @Column', () => {
    expect(naming.columnName('creditCode', 'uscc', [])).toBe('uscc');
  });

  it('prefixes columns of embedded objects in snake case', () => {
    expect(naming.columnName('zipCode', undefined, ['homeAddress'])).toBe('home_address_zip_code');
    expect(naming.columnName('zipCode', undefined, ['contact', 'postalAddress'])).toBe('contact_postal_address_zip_code');
  });

  it('names relations and join columns in snake case', () => {
    expect(naming.relationName('memberOrganization')).toBe('member_organization');
    expect(naming.joinColumnName('memberOrganization', 'id')).toBe('member_organization_id');
    expect(naming.joinTableColumnName('role_grant', 'accountId')).toBe('role_grant_account_id');
    expect(naming.joinTableName('standard', 'expert', 'reviewExperts')).toBe('standard_review_experts_expert');
  });

  it('names primary keys after the table without its schema', () => {
    expect(naming.primaryKeyName('membership.organization', ['id'])).toBe('pk_organization_id');
    expect(naming.primaryKeyName(new Table({ name: 'enforcement.inbox' }), ['consumer', 'event_id'])).toBe('pk_inbox_consumer_event_id');
  });
});
