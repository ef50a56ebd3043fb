import { Controller, Get, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { restContext } from '../association-lookup';
import { PageQuery, Problem } from '../rest-common.dto';
import { AssociationList } from './association.response';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';

interface ListAssociationsData {
  associations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: AssociationList['data'];
  };
}

@ApiTags('associations')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations')
export class AssociationsController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get()
  @ApiOperation({ operationId: 'listAssociations', summary: 'Associations this API key may read', description: 'Projection of the GraphQL operation ListAssociations.' })
  @ApiOkResponse({ type: AssociationList })
  @ApiResponse({ status: 400, description: 'Invalid paging parameters.', type: Problem })
  async list(@Req() request: RestRequest, @Query() query: PageQuery): Promise<AssociationList> {
    const data = await this.executor.execute<ListAssociationsData>(
      'ListAssociations',
      { first: query.first ?? 20, after: query.after ?? null },
      restContext(request),
    );
    const { nodes, totalCount, pageInfo } = data.associations;
    return { data: nodes, page: { totalCount, hasNextPage: pageInfo.hasNextPage, endCursor: pageInfo.endCursor } };
  }
}
