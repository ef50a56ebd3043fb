import { Controller, Get, Param, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { associationIdByCode, restContext } from '../association-lookup';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { PageQuery, Problem } from '../rest-common.dto';
import { StandardProjectList } from './standard-project.response';

interface StandardProjectsData {
  standards: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: StandardProjectList['data'] };
}

@ApiTags('standards')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations/:code/standard-projects')
export class StandardProjectsController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get()
  @ApiOperation({ operationId: 'listStandardProjects', summary: "An association's group standards in development, with state and ISO stage code", description: 'Projection of the GraphQL operation StandardProjects.' })
  @ApiParam({ name: 'code', description: "The association's short code (or its id).", example: 'WHCSA' })
  @ApiOkResponse({ type: StandardProjectList })
  @ApiResponse({ status: 400, description: 'Malformed association code or paging parameters.', type: Problem })
  @ApiResponse({ status: 404, description: 'No association with this code among those the key may read.', type: Problem })
  async list(@Req() request: RestRequest, @Param('code') code: string, @Query() query: PageQuery): Promise<StandardProjectList> {
    const associationId = await associationIdByCode(this.executor, request, code);
    const data = await this.executor.execute<StandardProjectsData>('StandardProjects', { associationId, first: query.first ?? 20, after: query.after ?? null }, restContext(request));
    const { nodes, totalCount, pageInfo } = data.standards;
    return { data: nodes, page: { totalCount, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor } };
  }
}
