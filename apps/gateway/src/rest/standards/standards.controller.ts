import { Controller, Get, Param, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { restContext } from '../association-lookup';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { PageQuery, Problem } from '../rest-common.dto';
import { AssociationCodeParams, PublishedStandardList } from './published-standard.response';

interface PublishedStandardsData {
  publishedStandards: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: PublishedStandardList['data'];
  };
}

@ApiTags('standards')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations/:code/standards')
export class StandardsController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get()
  @ApiOperation({ operationId: 'listPublishedStandards', summary: "An association's published group standards with codes and dates", description: 'Projection of the GraphQL operation PublishedStandards.' })
  @ApiParam({ name: 'code', description: "The association's standards code.", example: 'WHCSA' })
  @ApiOkResponse({ type: PublishedStandardList })
  @ApiResponse({ status: 400, description: 'Invalid association code or paging parameters.', type: Problem })
  @ApiResponse({ status: 404, description: 'No standards programme under this code.', type: Problem })
  async list(@Req() request: RestRequest, @Param() params: AssociationCodeParams, @Query() query: PageQuery): Promise<PublishedStandardList> {
    const data = await this.executor.execute<PublishedStandardsData>(
      'PublishedStandards',
      { code: params.code, first: query.first ?? 20, after: query.after ?? null },
      restContext(request),
    );
    const { nodes, totalCount, pageInfo } = data.publishedStandards;
    return { data: nodes, page: { totalCount, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor } };
  }
}
