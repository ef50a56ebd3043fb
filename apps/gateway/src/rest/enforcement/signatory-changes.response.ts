import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SignatoryChangesQuery {
  @ApiProperty({ description: 'First day of the period (YYYY-MM-DD).', example: '2024-01-01' })
  @IsString()
  @Matches(ISO_DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ description: 'Last day of the period (YYYY-MM-DD), at most 366 days after `from`.', example: '2024-01-31' })
  @IsString()
  @Matches(ISO_DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;
}

export class SignatoryChangeResource {
  @ApiProperty({ format: 'uuid', description: 'The signature.' })
  signatureId: string;

  @ApiProperty({ format: 'uuid', description: 'The unit.' })
  organizationId: string;

  @ApiProperty({ description: 'Name of the unit.' })
  organizationName: string;

  @ApiProperty({ format: 'uuid', description: 'The convention.' })
  conventionId: string;

  @ApiProperty({ description: 'Title of the convention.' })
  conventionTitle: string;

  @ApiProperty({ description: 'Version signed.' })
  versionNumber: number;

  @ApiProperty({ description: 'Date joined (signed) or left (first day no longer bound), YYYY-MM-DD.' })
  date: string;

  @ApiProperty({ type: String, nullable: true, enum: ['WITHDRAWAL', 'REVOCATION'], description: 'For units that left: withdrawal by notice or revocation by sanction.' })
  reason: 'WITHDRAWAL' | 'REVOCATION' | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'For units that rejoined because an appeal overturned the revocation of their signature: the revoked signature (listed among those who left when it was revoked).',
  })
  restoresSignatureId: string | null;
}

export class SignatoryChanges {
  @ApiProperty({ description: 'First day of the period.' })
  from: string;

  @ApiProperty({ description: 'Last day of the period.' })
  to: string;

  @ApiProperty({ type: [SignatoryChangeResource], description: 'Units that joined a convention in the period.' })
  joined: SignatoryChangeResource[];

  @ApiProperty({ type: [SignatoryChangeResource], description: 'Units that left a convention in the period.' })
  left: SignatoryChangeResource[];
}
