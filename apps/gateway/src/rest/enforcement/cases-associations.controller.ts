import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { BadInputError } from '@app/common';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { Problem } from '../rest-common.dto';
import { associationIdByCode, restContext } from '../association-lookup';
import { ComplaintStatisticsResource, ReferralBody, ReferralResource, SanctionList, StatisticsQuery } from './cases-rest.dto';

interface ReferData {
  referComplaint: ReferralResource & { secret: string | null };
}

@ApiTags('enforcement')
@ApiSecurity('ApiKey')
@ApiParam({ name: 'code', description: "The association's short code, e.g. WHCSA." })
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 404, description: 'No association with this code among those the key supervises.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations')
export class CasesAssociationsController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get(':code/sanctions')
  @ApiOperation({ operationId: 'listSanctions', summary: "The association's sanctions, internal ones included", description: 'Projection of the GraphQL operation ListSanctions.' })
  @ApiOkResponse({ type: SanctionList })
  @ApiResponse({ status: 400, description: 'Invalid association code.', type: Problem })
  async sanctions(@Req() request: RestRequest, @Param('code') code: string): Promise<SanctionList> {
    const associationId = await associationIdByCode(this.executor, request, code);
    const data = await this.executor.execute<{ sanctions: SanctionList['data'] }>('ListSanctions', { associationId }, restContext(request));
    return { data: data.sanctions };
  }

  @Get(':code/complaints/statistics')
  @ApiOperation({ operationId: 'complaintStatistics', summary: 'Complaints received in a period, counted by stage, source, article and month', description: 'Projection of the GraphQL operation ComplaintStatistics.' })
  @ApiOkResponse({ type: ComplaintStatisticsResource })
  @ApiResponse({ status: 400, description: 'Invalid code or period (dates, order, at most 3660 days).', type: Problem })
  async statistics(@Req() request: RestRequest, @Param('code') code: string, @Query() query: StatisticsQuery): Promise<ComplaintStatisticsResource> {
    const associationId = await associationIdByCode(this.executor, request, code);
    const data = await this.executor.execute<{ complaintStatistics: ComplaintStatisticsResource }>('ComplaintStatistics', { associationId, from: query.from, to: query.to }, restContext(request));
    return data.complaintStatistics;
  }

  @Post(':code/referrals')
  @HttpCode(201)
  @ApiOperation({
    operationId: 'referComplaint',
    summary: 'Refer a case to the executing body',
    description: 'Projection of the GraphQL operation ReferComplaint. Idempotent by the Idempotency-Key header: the same key returns the same complaint (200); the key with a different body is refused (409).',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: true, description: '8 to 100 letters, digits or _.:- characters, unique per referral.' })
  @ApiBody({ type: ReferralBody })
  @ApiCreatedResponse({ type: ReferralResource, description: 'The complaint opened.' })
  @ApiOkResponse({ type: ReferralResource, description: 'The complaint an earlier request with this key opened.' })
  @ApiResponse({ status: 400, description: 'Invalid body, code or Idempotency-Key; respondent not a signatory; unknown articles.', type: Problem })
  @ApiResponse({ status: 409, description: 'The Idempotency-Key was used for a different referral.', type: Problem })
  async refer(@Req() request: RestRequest, @Param('code') code: string, @Headers('idempotency-key') idempotencyKey: string | undefined, @Body() body: ReferralBody, @Res({ passthrough: true }) response: Response): Promise<ReferralResource> {
    if (!idempotencyKey || !/^[A-Za-z0-9_.:-]{8,100}$/.test(idempotencyKey)) throw new BadInputError('INVALID_IDEMPOTENCY_KEY', 'Send an Idempotency-Key header of 8 to 100 letters, digits or _.:- characters.');
    const associationId = await associationIdByCode(this.executor, request, code);
    const input = {
      associationId,
      idempotencyKey,
      conventionId: body.conventionId,
      respondentOrganizationId: body.respondentOrganizationId,
      articleNumbers: body.articleNumbers,
      facts: body.facts,
      evidence: body.evidence ?? [],
      referralReference: body.referralReference,
      complainantName: body.contactName ?? null,
    };
    const { referComplaint } = await this.executor.execute<ReferData>('ReferComplaint', { input }, restContext(request));
    if (referComplaint.secret === null) response.status(200);
    const { secret: _secret, ...resource } = referComplaint;
    return resource;
  }
}
