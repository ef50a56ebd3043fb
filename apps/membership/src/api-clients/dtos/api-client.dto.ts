import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsString, IsUUID, Length } from 'class-validator';
import { Connection } from '@app/common';
import type { ApiClientEntity } from '../entities/api-client.entity';

@ObjectType('ApiClient', { description: "A regulator's system allowed to read the REST API. Its key is never shown again." })
export class ApiClientDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Who uses it, e.g. the city internet information office.' })
  name: string;

  @Field({ description: 'First characters of the key, to recognise it.' })
  keyPrefix: string;

  @Field(() => [ID], { description: 'Associations the key may read.' })
  associationIds: string[];

  @Field({ description: 'When it was issued.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; revoked keys stop working within minutes.' })
  revokedAt: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was last used.' })
  lastUsedAt: Date | null;
}

export const ApiClientConnection = Connection(ApiClientDTO, 'ApiClient');

export function toApiClientDTO(entity: ApiClientEntity): ApiClientDTO {
  const { id, name, keyPrefix, associationIds, createdAt, revokedAt, lastUsedAt } = entity;
  return { id, name, keyPrefix, associationIds, createdAt, revokedAt, lastUsedAt };
}

@ObjectType('IssuedApiKey', { description: 'A new API key. The key is shown here once and stored only as a hash.' })
export class IssuedApiKeyDTO {
  @Field(() => ApiClientDTO, { description: 'The client it belongs to.' })
  apiClient: ApiClientDTO;

  @Field({ description: 'The secret key: send it as "Authorization: ApiKey <key>". Copy it now.' })
  key: string;
}

@InputType({ description: 'A key for a regulator, scoped to the associations it supervises.' })
export class IssueApiClientKeyInput {
  @Field({ description: 'Who will use it.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field(() => [ID], { description: 'Associations the key may read; the caller must administer each.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  associationIds: string[];
}
