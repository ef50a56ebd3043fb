import { Controller, Get, Req, UseFilters, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiKeyGuard, type RestRequest } from '../api-key.guard';
import { GraphQLExecutor } from '../graphql-executor.service';
import { ProblemDetailsFilter } from '../problem-details.filter';
import { Problem } from '../rest-common.dto';
import { restContext } from '../association-lookup';
import { OversightReportList } from './cases-rest.dto';

@ApiTags('enforcement')
@ApiSecurity('ApiKey')
@ApiResponse({ status: 401, description: 'Missing, unknown or revoked API key.', type: Problem })
@ApiResponse({ status: 429, description: 'Rate limit reached; see Retry-After.', type: Problem })
@UseFilters(ProblemDetailsFilter)
@UseGuards(ApiKeyGuard)
@Controller('api/v1/oversight-reports')
export class CasesOversightController {
  constructor(private readonly executor: GraphQLExecutor) {}

  @Get()
  @ApiOperation({ operationId: 'listOversightReports', summary: 'Reports by signatories on the executing bodies this key supervises', description: 'Projection of the GraphQL operation ListOversightReports.' })
  @ApiOkResponse({ type: OversightReportList })
  @ApiResponse({ status: 403, description: 'The key supervises no association.', type: Problem })
  async list(@Req() request: RestRequest): Promise<OversightReportList> {
    const data = await this.executor.execute<{ oversightReports: OversightReportList['data'] }>('ListOversightReports', {}, restContext(request));
    return { data: data.oversightReports };
  }
}
