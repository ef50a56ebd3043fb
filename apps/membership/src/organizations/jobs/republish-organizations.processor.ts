import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MoreThan, type DataSource } from 'typeorm';
import { JobProcessor, type JobExecution } from '@app/messaging';
import { OrganizationEntity } from '../entities/organization.entity';
import { OrganizationsService } from '../organizations.service';

const CHUNK = 200;

/**
 * Re-emits every organization of an association, one transaction per organization so one failure
 * does not undo the others; each failure is reported against the organization it concerns.
 */
@Injectable()
export class RepublishOrganizationsProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
  ) {}

  @JobProcessor('membership.organizations.republish')
  async run(job: JobExecution<'membership.organizations.republish'>): Promise<void> {
    const repository = this.dataSource.getRepository(OrganizationEntity);
    const { associationId } = job.payload;
    await job.report.setTotal(await repository.countBy({ associationId }));
    let lastId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const chunk = await repository.find({ where: { associationId, id: MoreThan(lastId) }, order: { id: 'ASC' }, take: CHUNK });
      if (chunk.length === 0) return;
      for (const organization of chunk) {
        const failure = await this.dataSource
          .transaction((manager) => this.organizations.publishSnapshot(manager, organization))
          .then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
        // Reported outside the try: a failed progress write must not count the item as failed too.
        if (failure === undefined) await job.report.succeeded();
        else await job.report.failed(organization.id, failure);
      }
      lastId = chunk[chunk.length - 1].id;
    }
  }
}
