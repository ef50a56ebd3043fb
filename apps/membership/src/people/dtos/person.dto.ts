import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEmail, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { Connection, maskEmail, maskPhone } from '@app/common';
import type { PersonEntity } from '../entities/person.entity';

@ObjectType('Person', { description: 'A person known to the association. Contacts are always masked here; full values through `personContact`.' })
export class PersonDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field(() => ID, { description: 'The association.' })
  associationId: string;

  @Field({ description: 'Name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Phone, masked (138****5678).' })
  maskedPhone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail, masked (z***@example.org).' })
  maskedEmail: string | null;

  @Field(() => ID, { nullable: true, description: 'Employer.' })
  employerOrganizationId: string | null;

  @Field(() => [String], { description: 'Professional titles.' })
  titles: string[];

  @Field(() => Int, { description: 'Grows with every change.' })
  revision: number;
}

export const PersonConnection = Connection(PersonDTO, 'Person');

export function toPersonDTO(p: PersonEntity): PersonDTO {
  return { id: p.id, associationId: p.associationId, name: p.name, maskedPhone: maskPhone(p.phone), maskedEmail: maskEmail(p.email), employerOrganizationId: p.employerOrganizationId, titles: p.titles, revision: p.revision };
}

@ObjectType('PersonContact', { description: "A person's full contact details (personal information; each read is audited)." })
export class PersonContactDTO {
  @Field(() => ID, { description: 'The person.' })
  personId: string;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail.' })
  email: string | null;
}

@InputType({ description: 'A person to register.' })
export class RegisterPersonInput {
  @Field(() => ID, { description: 'The association.' })
  @IsUUID()
  associationId: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Length(1, 100)
  name: string;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  @IsOptional()
  @Matches(/^[0-9+\-\s]{5,20}$/)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail.' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => ID, { nullable: true, description: 'Employer.' })
  @IsOptional()
  @IsUUID()
  employerOrganizationId?: string | null;

  @Field(() => [String], { nullable: true, description: 'Professional titles.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  titles?: string[] | null;
}

@InputType({ description: 'Changes to a person; fields left out stay as they are.' })
export class UpdatePersonInput {
  @Field(() => ID, { description: 'The person.' })
  @IsUUID()
  id: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone.' })
  @IsOptional()
  @Matches(/^[0-9+\-\s]{5,20}$/)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'E-mail.' })
  @IsOptional()
  @IsEmail()
  email?: string | null;

  @Field(() => [String], { nullable: true, description: 'Professional titles.' })
  @IsOptional()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  titles?: string[] | null;
}
