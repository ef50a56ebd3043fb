import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class SanctionResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The complaint it was decided on.' })
  complaintId: string;

  @ApiProperty({ format: 'uuid', description: 'The convention.' })
  conventionId: string;

  @ApiProperty({ description: 'Title of the convention.' })
  conventionTitle: string;

  @ApiProperty({ format: 'uuid', description: 'The sanctioned unit.' })
  organizationId: string;

  @ApiProperty({ description: 'Name of the sanctioned unit.' })
  organizationName: string;

  @ApiProperty({ enum: ['CRITICISM', 'CONDEMNATION', 'INTERNAL_CIRCULAR', 'MEDIA_EXPOSURE', 'REVOCATION'], description: 'Grade.' })
  grade: string;

  @ApiProperty({ type: [Number], description: 'Article numbers it rests on.' })
  basisArticles: number[];

  @ApiProperty({ description: 'Summary of the finding.' })
  summary: string;

  @ApiProperty({ enum: ['INTERNAL', 'PUBLIC'], description: 'Publication scope.' })
  publicationScope: string;

  @ApiProperty({ format: 'date', description: 'First day published.' })
  publishedFrom: string;

  @ApiProperty({ format: 'date', description: 'Last day published.' })
  publishedUntil: string;

  @ApiProperty({ format: 'date', description: 'Date decided.' })
  decidedOn: string;

  @ApiProperty({ format: 'date', description: 'Last day to appeal.' })
  appealDeadline: string;

  @ApiProperty({ enum: ['IN_FORCE', 'UNDER_APPEAL', 'UPHELD', 'OVERTURNED'], description: 'Status.' })
  status: string;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date of the appeal review.' })
  appealDecidedOn: string | null;
}

export class SanctionList {
  @ApiProperty({ type: [SanctionResource], description: 'Sanctions of the association, internal ones included, newest first (at most 500).' })
  data: SanctionResource[];
}

export class StatisticsQuery {
  @ApiProperty({ format: 'date', description: 'First day (YYYY-MM-DD).' })
  @IsString()
  @Matches(ISO_DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day (YYYY-MM-DD).' })
  @IsString()
  @Matches(ISO_DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;
}

export class CountResource {
  @ApiProperty({ description: 'Key: stage, source, article number or month (YYYY-MM).' })
  key: string;

  @ApiProperty({ description: 'Complaints.' })
  count: number;
}

export class ComplaintStatisticsResource {
  @ApiProperty({ format: 'date', description: 'First day.' })
  from: string;

  @ApiProperty({ format: 'date', description: 'Last day.' })
  to: string;

  @ApiProperty({ description: 'Complaints received in the period.' })
  total: number;

  @ApiProperty({ type: [CountResource], description: 'By current stage.' })
  byStage: CountResource[];

  @ApiProperty({ type: [CountResource], description: 'By source.' })
  bySource: CountResource[];

  @ApiProperty({ type: [CountResource], description: 'By article alleged.' })
  byArticle: CountResource[];

  @ApiProperty({ type: [CountResource], description: 'By month received.' })
  byMonth: CountResource[];
}

export class OversightReportResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ format: 'uuid', description: 'The association whose executing body is reported.' })
  associationId: string;

  @ApiProperty({ format: 'uuid', description: 'The reporting signatory.' })
  reporterOrganizationId: string;

  @ApiProperty({ enum: ['EXECUTING_BODY', 'STAFF'], description: 'Who it concerns.' })
  subject: string;

  @ApiProperty({ type: String, nullable: true, description: 'The staff member concerned.' })
  staffName: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The convention concerned.' })
  conventionId: string | null;

  @ApiProperty({ description: 'The conduct reported.' })
  allegation: string;

  @ApiProperty({ type: [String], description: 'Evidence.' })
  evidence: string[];

  @ApiProperty({ format: 'date-time', description: 'When.' })
  createdAt: string;
}

export class OversightReportList {
  @ApiProperty({ type: [OversightReportResource], description: 'Reports on the executing bodies of the associations this key supervises, newest first.' })
  data: OversightReportResource[];
}

export class ReferralBody {
  @ApiProperty({ format: 'uuid', description: 'The convention breached.' })
  @IsUUID()
  conventionId: string;

  @ApiProperty({ format: 'uuid', description: 'The respondent, a signatory in force.' })
  @IsUUID()
  respondentOrganizationId: string;

  @ApiProperty({ type: [Number], description: 'Article numbers allegedly breached.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsInt({ each: true })
  @Min(1, { each: true })
  articleNumbers: number[];

  @ApiProperty({ description: 'The facts.' })
  @IsString()
  @Length(10, 20000)
  facts: string;

  @ApiProperty({ type: [String], required: false, description: 'Evidence.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  evidence?: string[];

  @ApiProperty({ description: "The authority's case reference." })
  @IsString()
  @Length(1, 200)
  referralReference: string;

  @ApiProperty({ required: false, description: 'Contact person at the authority (stored encrypted).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contactName?: string;
}

export class ReferralResource {
  @ApiProperty({ format: 'uuid', description: 'The complaint opened.' })
  complaintId: string;

  @ApiProperty({ description: 'Tracking code.' })
  trackingCode: string;

  @ApiProperty({ description: 'Current stage.' })
  stage: string;

  @ApiProperty({ format: 'date-time', description: 'When it was received.' })
  receivedAt: string;
}
