import { Controller, Get, Param, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { restContext } from '../association-lookup';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { PageMeta, PageQuery, Problem } from '../rest-common.dto';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class MemberResource {
  @ApiProperty({ format: 'uuid', description: 'The membership.' }) membershipId: string;
  @ApiProperty({ format: 'uuid', description: 'The organization.' }) organizationId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Member number.' }) memberNumber: string | null;
  @ApiProperty({ description: 'Unit name.' }) name: string;
  @ApiProperty({ description: 'Unified social credit code.' }) creditCode: string;
  @ApiProperty({ enum: ['MEMBER', 'COUNCIL', 'STANDING_COUNCIL', 'VICE_PRESIDENT', 'PRESIDENT', 'SUPERVISOR'], description: 'Grade.' }) grade: string;
  @ApiProperty({ description: 'Membership status.' }) status: string;
  @ApiProperty({ type: String, nullable: true, description: 'Registered city.' }) registeredCity: string | null;
  @ApiProperty({ type: [String], description: 'Fields of work.' }) fieldsOfWork: string[];
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Date admitted.' }) admittedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date', description: 'Paid through.' }) validUntil: string | null;
}

export class MemberList {
  @ApiProperty({ type: [MemberResource], description: 'This page of member units.' }) data: MemberResource[];
  @ApiProperty({ type: PageMeta, description: 'Paging.' }) page: PageMeta;
}

export class MembershipChangeResource {
  @ApiProperty({ format: 'uuid', description: 'History entry.' }) id: string;
  @ApiProperty({ enum: ['ADMISSION', 'WITHDRAWAL', 'EXPULSION', 'REVERSAL'], description: 'What happened.' }) kind: string;
  @ApiProperty({ format: 'date', description: 'Effective date.' }) effectiveOn: string;
  @ApiProperty({ format: 'uuid', description: 'The membership.' }) membershipId: string;
  @ApiProperty({ type: String, nullable: true, description: 'Member number.' }) memberNumber: string | null;
  @ApiProperty({ description: "Member's name." }) name: string;
  @ApiProperty({ type: String, nullable: true, description: 'Credit code of a unit.' }) creditCode: string | null;
  @ApiProperty({ description: 'Grade.' }) grade: string;
  @ApiProperty({ description: 'The decision or reason.' }) reason: string;
}

export class MembershipChangeList {
  @ApiProperty({ type: [MembershipChangeResource], description: 'This page of changes.' }) data: MembershipChangeResource[];
  @ApiProperty({ type: PageMeta, description: 'Paging.' }) page: PageMeta;
}

export class ChangesQuery extends PageQuery {
  @ApiProperty({ required: false, format: 'date', description: 'From this effective date, inclusive (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiProperty({ required: false, format: 'date', description: 'Up to this effective date, inclusive (YYYY-MM-DD).' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;
}

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: T[];
}

@ApiTags('members')
@ApiSecurity('ApiKey')
@ApiParam({ name: 'code', description: 'Short code of the association, e.g. WHCSA.' })
@ApiResponse({ status: 400, description: 'Invalid query parameters.', type: Problem })
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 403, description: 'The key does not cover this association.', type: Problem })
@ApiResponse({ status: 404, description: 'No such association.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations/:code/members')
export class MembersController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get()
  @ApiOperation({ operationId: 'listMembers', summary: 'Member units of an association (public fields)', description: 'Projection of the GraphQL operation ListMembers (memberRegister).' })
  @ApiOkResponse({ type: MemberList })
  async list(@Req() request: RestRequest, @Param('code') code: string, @Query() query: PageQuery): Promise<MemberList> {
    const data = await this.executor.execute<{ memberRegister: Page<MemberResource> }>('ListMembers', { code, first: query.first ?? 20, after: query.after ?? null }, restContext(request));
    const { nodes, totalCount, pageInfo } = data.memberRegister;
    return { data: nodes, page: { totalCount, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor } };
  }

  @Get('changes')
  @ApiOperation({ operationId: 'listMembershipChanges', summary: 'Admissions, withdrawals, expulsions and reversals in a date range', description: 'Projection of the GraphQL operation ListMembershipChanges.' })
  @ApiOkResponse({ type: MembershipChangeList })
  async changes(@Req() request: RestRequest, @Param('code') code: string, @Query() query: ChangesQuery): Promise<MembershipChangeList> {
    const data = await this.executor.execute<{ membershipChanges: Page<MembershipChangeResource> }>(
      'ListMembershipChanges',
      { code, from: query.from ?? null, to: query.to ?? null, first: query.first ?? 20, after: query.after ?? null },
      restContext(request),
    );
    const { nodes, totalCount, pageInfo } = data.membershipChanges;
    return { data: nodes, page: { totalCount, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor } };
  }
}
