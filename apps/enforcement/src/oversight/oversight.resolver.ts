import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity } from '@app/auth';
import { OversightReportDTO, OversightReportsArgs, OversightSubject, ReportExecutingBodyInput } from './dtos/oversight-report.dto';
import type { OversightReportEntity } from './entities/oversight-report.entity';
import { OversightService } from './oversight.service';

const toDTO = (r: OversightReportEntity): OversightReportDTO => ({ ...r, subject: r.subject as OversightSubject });

@Resolver(() => OversightReportDTO)
export class OversightResolver {
  constructor(private readonly service: OversightService) {}

  @Mutation(() => OversightReportDTO, { description: "A signatory's MEMBER_REP reports the executing body or its staff for unlawful or unfair execution, to the supervising authority." })
  async reportExecutingBody(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The report.' }) input: ReportExecutingBodyInput): Promise<OversightReportDTO> {
    return toDTO(await this.service.report(caller, { ...input, staffName: input.staffName ?? null, conventionId: input.conventionId ?? null, evidence: input.evidence ?? [] }));
  }

  @Query(() => [OversightReportDTO], { description: 'Reports on the executing body, newest first: the supervising authority (REGULATOR) only; the executing body’s staff are refused.' })
  async oversightReports(@CurrentIdentity() caller: Identity | undefined, @Args() args: OversightReportsArgs): Promise<OversightReportDTO[]> {
    return (await this.service.list(caller, args.associationId ?? null)).map(toDTO);
  }
}
