import { Controller, Get, Param, Query, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { associationIdByCode, restContext } from '../association-lookup';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { Problem } from '../rest-common.dto';
import { AssociationEventList, EventRangeQuery, type EventResource } from './association-events.response';

@ApiTags('events')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/associations')
export class AssociationEventsController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get(':code/events')
  @ApiOperation({
    operationId: 'listAssociationEvents',
    summary: "An association's public and member events in a date range",
    description: 'Projection of the GraphQL operation AssociationEvents: events overlapping [from, to] (Asia/Shanghai days), with organizers and attendance counts.',
  })
  @ApiParam({ name: 'code', description: 'The association short code (as in its group-standard numbers).', example: 'WHCSA' })
  @ApiOkResponse({ type: AssociationEventList })
  @ApiResponse({ status: 400, description: 'Malformed association code, missing or invalid dates, from after to, or a range over 366 days.', type: Problem })
  @ApiResponse({ status: 404, description: 'No association with this code among those the key may read.', type: Problem })
  async list(@Req() request: RestRequest, @Param('code') code: string, @Query() query: EventRangeQuery): Promise<AssociationEventList> {
    const context = restContext(request);
    const associationId = await associationIdByCode(this.executor, request, code);
    const data = await this.executor.execute<{ associationEvents: EventResource[] }>('AssociationEvents', { associationId, from: query.from, to: query.to }, context);
    return { data: data.associationEvents };
  }
}
