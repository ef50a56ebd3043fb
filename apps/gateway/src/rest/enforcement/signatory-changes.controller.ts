import { Controller, Get, Param, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { associationIdByCode, restContext } from '../association-lookup';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { Problem } from '../rest-common.dto';
import { SignatoryChanges, SignatoryChangesQuery } from './signatory-changes.response';

@ApiTags('signatories')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations')
export class SignatoryChangesController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get(':code/signatories/changes')
  @ApiOperation({
    operationId: 'listSignatoryChanges',
    summary: 'Units that joined or left the association’s conventions in a period',
    description: 'Projection of the GraphQL operation SignatoryChanges: the join and leave list (加入及退出名单) of the period, both days included.',
  })
  @ApiParam({ name: 'code', description: "The association's short code (e.g. WHCSA) or its id." })
  @ApiOkResponse({ type: SignatoryChanges })
  @ApiResponse({ status: 400, description: 'Malformed association code, missing or invalid dates, or a period ending before it starts or longer than 366 days.', type: Problem })
  @ApiResponse({ status: 404, description: 'No association with that code among those the key may read.', type: Problem })
  async changes(@Req() request: RestRequest, @Param('code') code: string, @Query() query: SignatoryChangesQuery): Promise<SignatoryChanges> {
    const context = restContext(request);
    const associationId = await associationIdByCode(this.executor, request, code);
    const data = await this.executor.execute<{ signatoryBulletin: SignatoryChanges }>('SignatoryChanges', { associationId, from: query.from, to: query.to }, context);
    return data.signatoryBulletin;
  }
}
