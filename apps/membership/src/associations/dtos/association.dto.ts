import { Directive, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { Connection } from '@app/common';
import type { AssociationEntity } from '../entities/association.entity';

@ObjectType('Association', { description: 'An association hosted on Zilü (the tenant): every other record belongs to one.' })
@Directive('@key(fields: "id")')
export class AssociationDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Full name, e.g. 某市网络安全协会.' })
  name: string;

  @Field({ description: 'Short code used in group-standard numbers, e.g. WHCSA in T/WHCSA 001—2024.' })
  shortCode: string;

  @Field(() => String, { nullable: true, description: 'The body that executes its conventions (公约执行机构), when named.' })
  executingBody: string | null;

  @Field(() => String, { nullable: true, description: 'The supervising authority (主管部门).' })
  supervisingAuthority: string | null;

  @Field({ description: 'When it was set up on Zilü.' })
  createdAt: Date;
}

export const AssociationConnection = Connection(AssociationDTO, 'Association');

export function toAssociationDTO(entity: AssociationEntity): AssociationDTO {
  const { id, name, shortCode, executingBody, supervisingAuthority, createdAt } = entity;
  return { id, name, shortCode, executingBody, supervisingAuthority, createdAt };
}

@InputType({ description: 'A new association (tenant).' })
export class CreateAssociationInput {
  @Field({ description: 'Full name.' })
  @IsString()
  @Length(2, 200)
  name: string;

  @Field({ description: 'Short code: capital letters and digits, starting with a letter, 2 to 16 characters.' })
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'shortCode must be 2 to 16 capital letters or digits, starting with a letter' })
  shortCode: string;

  @Field(() => String, { nullable: true, description: 'The body that executes its conventions.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  executingBody?: string | null;

  @Field(() => String, { nullable: true, description: 'The supervising authority.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supervisingAuthority?: string | null;
}
