import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { PageMeta } from '../rest-common.dto';

export class AssociationCodeParams {
  @ApiProperty({ description: "The association's standards code (2-16 capitals or digits).", example: 'WHCSA' })
  @Matches(/^[A-Z][A-Z0-9]{1,15}$/, { message: 'code must be 2 to 16 capital letters or digits, starting with a letter (e.g. WHCSA)' })
  code: string;
}

export class PublishedStandardResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ description: 'Publication code.', example: 'T/WHCSA 001—2024' })
  code: string;

  @ApiProperty({ description: 'Title (Chinese).' })
  title: string;

  @ApiProperty({ type: String, nullable: true, description: 'English title.' })
  englishTitle: string | null;

  @ApiProperty({ description: 'Lifecycle state: PUBLISHED, UNDER_REVIEW, REVISION or WITHDRAWN.', example: 'PUBLISHED' })
  state: string;

  @ApiProperty({ description: 'Whether it is in force.' })
  inForce: boolean;

  @ApiProperty({ format: 'date', description: 'Publication date.' })
  publishedOn: string;

  @ApiProperty({ format: 'date', description: 'Implementation date.' })
  implementedOn: string;

  @ApiProperty({ type: [String], description: 'Associations publishing it jointly.' })
  jointPublishers: string[];

  @ApiProperty({ type: String, nullable: true, description: 'Reference on the national group-standard platform.' })
  platformReference: string | null;
}

export class PublishedStandardList {
  @ApiProperty({ type: [PublishedStandardResource], description: 'This page of published standards.' })
  data: PublishedStandardResource[];

  @ApiProperty({ type: PageMeta, description: 'Paging.' })
  page: PageMeta;
}
