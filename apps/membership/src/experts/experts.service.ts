import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { type Identity, Role, STAFF_ROLES, canRead, requireRole, rolesIn } from '@app/auth';
import { NotFoundError, paginate, type ConnectionShape, type PageArgsInput, maskEmail, maskPhone, todayInChina } from '@app/common';
import { OutboxService } from '@app/messaging';
import { AssociationEntity } from '../associations/entities/association.entity';
import { AuditService } from '../audit/audit.service';
import { OrganizationEntity } from '../organizations/entities/organization.entity';
import type { AppointExpertInput, CreateExpertBatchInput, DrawExpertPanelInput, ExpertDTO, ExpertPanelDrawDTO } from './dtos/expert.dto';
import { ExpertBatchEntity } from './entities/expert-batch.entity';
import { ExpertConflictEntity } from './entities/expert-conflict.entity';
import { ExpertPanelDrawEntity } from './entities/expert-panel-draw.entity';
import { ExpertEntity } from './entities/expert.entity';
import {
  BatchNumberTakenError,
  ConflictAlreadyDeclaredError,
  ExpertAlreadyEndedError,
  ExpertDatesError,
  LetterNumberTakenError,
  NotEnoughEligibleExpertsError,
  OrganizationUnknownError,
} from './experts.exception';
import { drawFromSeed, isEligibleForPanel, newDrawSeed } from './panel-draw';

/** How much of an expert a caller sees. */
type ExpertView = 'PUBLIC' | 'MEMBER' | 'STAFF_LIST' | 'STAFF_FULL';

@Injectable()
export class ExpertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
  ) {}

  async createBatch(caller: Identity | undefined, input: CreateExpertBatchInput): Promise<ExpertBatchEntity> {
    requireRole(caller, input.associationId, STAFF_ROLES);
    if (input.termEndsOn <= input.appointedOn) throw new ExpertDatesError('A batch term must end after it starts.');
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(AssociationEntity, { id: input.associationId }))) throw new NotFoundError('Association', input.associationId);
      if (await manager.existsBy(ExpertBatchEntity, { associationId: input.associationId, batchNumber: input.batchNumber })) throw new BatchNumberTakenError(input.batchNumber);
      return manager.save(manager.create(ExpertBatchEntity, { ...input, name: input.name.trim() }));
    });
  }

  async listBatches(associationId: string): Promise<ExpertBatchEntity[]> {
    return this.dataSource.getRepository(ExpertBatchEntity).find({ where: { associationId }, order: { batchNumber: 'ASC' } });
  }

  async appoint(caller: Identity | undefined, input: AppointExpertInput): Promise<ExpertDTO> {
    const batch = await this.dataSource.getRepository(ExpertBatchEntity).findOne({ where: { id: input.batchId } });
    if (!batch) throw new NotFoundError('ExpertBatch', input.batchId);
    requireRole(caller, batch.associationId, STAFF_ROLES);
    const appointedOn = input.appointedOn ?? batch.appointedOn;
    const termEndsOn = input.termEndsOn ?? batch.termEndsOn;
    if (termEndsOn < appointedOn) throw new ExpertDatesError('The term must end on or after the appointment date.');
    const conflicts = input.conflicts ?? [];
    const organizationIds = [...new Set([...(input.employerOrganizationId ? [input.employerOrganizationId] : []), ...conflicts.map((c) => c.organizationId)])];
    if (new Set(conflicts.map((c) => c.organizationId)).size !== conflicts.length) throw new ConflictAlreadyDeclaredError();
    const expert = await this.dataSource.transaction(async (manager) => {
      await this.assertOrganizations(manager, batch.associationId, organizationIds);
      if (input.letterNumber && (await manager.existsBy(ExpertEntity, { associationId: batch.associationId, letterNumber: input.letterNumber }))) {
        throw new LetterNumberTakenError(input.letterNumber);
      }
      const saved = await manager.save(
        manager.create(ExpertEntity, {
          associationId: batch.associationId,
          batchId: batch.id,
          personId: input.personId ?? null,
          accountId: input.accountId ?? null,
          name: input.name.trim(),
          title: input.title ?? null,
          employerOrganizationId: input.employerOrganizationId ?? null,
          fields: [...new Set(input.fields.map((f) => f.trim()))],
          letterNumber: input.letterNumber ?? null,
          letterDate: input.letterDate ?? null,
          appointedOn,
          termEndsOn,
          contactPhone: input.contactPhone ?? null,
          contactEmail: input.contactEmail?.toLowerCase() ?? null,
        }),
      );
      for (const conflict of conflicts) {
        await manager.save(manager.create(ExpertConflictEntity, { associationId: batch.associationId, expertId: saved.id, organizationId: conflict.organizationId, reason: conflict.reason, declaredOn: appointedOn }));
      }
      await this.publish(manager, saved, 'APPOINTED');
      return saved;
    });
    return (await this.toDTOs([expert], 'STAFF_LIST'))[0];
  }

  async declareConflict(caller: Identity | undefined, expertId: string, organizationId: string, reason: string): Promise<ExpertDTO> {
    const expert = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockExpert(manager, caller, expertId);
      await this.assertOrganizations(manager, found.associationId, [organizationId]);
      if (await manager.existsBy(ExpertConflictEntity, { expertId, organizationId })) throw new ConflictAlreadyDeclaredError();
      await manager.save(manager.create(ExpertConflictEntity, { associationId: found.associationId, expertId, organizationId, reason, declaredOn: todayInChina() }));
      await this.publish(manager, found, found.endedOn ? 'ENDED' : 'APPOINTED');
      return found;
    });
    return (await this.toDTOs([expert], 'STAFF_LIST'))[0];
  }

  async end(caller: Identity | undefined, expertId: string, endedOn: string, reason: string): Promise<ExpertDTO> {
    const expert = await this.dataSource.transaction(async (manager) => {
      const found = await this.lockExpert(manager, caller, expertId);
      if (found.endedOn) throw new ExpertAlreadyEndedError();
      if (endedOn < found.appointedOn) throw new ExpertDatesError('An appointment cannot end before it starts.');
      found.endedOn = endedOn;
      found.endReason = reason;
      const saved = await manager.save(found);
      await this.publish(manager, saved, 'ENDED');
      return saved;
    });
    return (await this.toDTOs([expert], 'STAFF_LIST'))[0];
  }

  /** Public list; contacts only for the secretariat, masked. */
  async list(caller: Identity | undefined, associationId: string, page: PageArgsInput, field: string | null | undefined): Promise<ConnectionShape<ExpertDTO>> {
    const qb = this.dataSource.getRepository(ExpertEntity).createQueryBuilder('e').where('e.association_id = :associationId', { associationId });
    if (field) qb.andWhere(':field = ANY(e.fields)', { field });
    const connection = await paginate(qb, page, { createdAt: 'e.created_at', id: 'e.id' });
    const nodes = await this.toDTOs(connection.nodes, this.viewOf(caller, associationId, false));
    return { ...connection, nodes, edges: connection.edges.map((edge, i) => ({ cursor: edge.cursor, node: nodes[i] })) };
  }

  /** One expert; the secretariat sees full contacts, and that read is audited. */
  async get(caller: Identity | undefined, id: string): Promise<ExpertDTO> {
    const expert = await this.dataSource.getRepository(ExpertEntity).findOne({ where: { id } });
    if (!expert) throw new NotFoundError('Expert', id);
    const view = this.viewOf(caller, expert.associationId, true);
    if (view === 'STAFF_FULL' && (expert.contactPhone || expert.contactEmail)) {
      await this.dataSource.transaction((manager) =>
        this.audit.record(manager, { associationId: expert.associationId, actorAccountId: caller!.accountId, action: 'expert.contacts.read', subjectType: 'Expert', subjectId: expert.id }),
      );
    }
    return (await this.toDTOs([expert], view))[0];
  }

  async drawPanel(caller: Identity | undefined, input: DrawExpertPanelInput): Promise<ExpertPanelDrawDTO> {
    const actor = requireRole(caller, input.associationId, STAFF_ROLES);
    const onDate = input.onDate ?? todayInChina();
    const field = input.field?.trim() || null;
    const excluded = [...new Set(input.excludeOrganizationIds)];
    const draw = await this.dataSource.transaction(async (manager) => {
      const experts = await manager.find(ExpertEntity, { where: { associationId: input.associationId }, order: { id: 'ASC' } });
      const conflicts = await this.conflictsOf(manager, experts);
      const eligible = experts
        .filter((e) => isEligibleForPanel({ ...e, conflictedOrganizationIds: conflicts.get(e.id) ?? [] }, { onDate, field, excludeOrganizationIds: excluded }))
        .map((e) => e.id);
      if (eligible.length < input.size) throw new NotEnoughEligibleExpertsError(input.size, eligible.length);
      const seed = newDrawSeed();
      const drawn = drawFromSeed(eligible, input.size, seed);
      return manager.save(
        manager.create(ExpertPanelDrawEntity, {
          associationId: input.associationId,
          purpose: input.purpose.trim(),
          field,
          size: input.size,
          onDate,
          excludedOrganizationIds: excluded,
          eligibleExpertIds: eligible,
          drawnExpertIds: drawn,
          seed,
          drawnBy: actor.accountId,
        }),
      );
    });
    return (await this.toDrawDTOs([draw], 'STAFF_LIST'))[0];
  }

  /** Draws of the association (secretariat), or for an EXPERT only the draws they were drawn in. */
  async listDraws(caller: Identity | undefined, associationId: string, mineOnly: boolean): Promise<ExpertPanelDrawDTO[]> {
    const repository = this.dataSource.getRepository(ExpertPanelDrawEntity);
    if (!mineOnly) {
      requireRole(caller, associationId, STAFF_ROLES);
      return this.toDrawDTOs(await repository.find({ where: { associationId }, order: { drawnAt: 'DESC' }, take: 100 }), 'STAFF_LIST');
    }
    const expertCaller = requireRole(caller, associationId, [Role.EXPERT]);
    const mine = await this.dataSource.getRepository(ExpertEntity).find({ where: { associationId, accountId: expertCaller.accountId } });
    if (mine.length === 0) return [];
    const draws = await repository
      .createQueryBuilder('d')
      .where('d.association_id = :associationId AND d.drawn_expert_ids && :ids::uuid[]', { associationId, ids: mine.map((e) => e.id) })
      .orderBy('d.drawn_at', 'DESC')
      .take(100)
      .getMany();
    return this.toDrawDTOs(draws, 'PUBLIC');
  }

  private viewOf(caller: Identity | undefined, associationId: string, single: boolean): ExpertView {
    if (!canRead(caller, associationId)) return 'PUBLIC';
    const staff = caller!.platformAdmin || rolesIn(caller, associationId).some((r) => STAFF_ROLES.includes(r));
    if (!staff) return 'MEMBER';
    return single ? 'STAFF_FULL' : 'STAFF_LIST';
  }

  private async toDrawDTOs(draws: ExpertPanelDrawEntity[], view: ExpertView): Promise<ExpertPanelDrawDTO[]> {
    const ids = [...new Set(draws.flatMap((d) => d.drawnExpertIds))];
    const experts = ids.length ? await this.dataSource.getRepository(ExpertEntity).find({ where: { id: In(ids) } }) : [];
    const dtos = new Map((await this.toDTOs(experts, view)).map((dto) => [dto.id, dto]));
    return draws.map((d) => ({
      id: d.id,
      associationId: d.associationId,
      purpose: d.purpose,
      field: d.field,
      size: d.size,
      onDate: d.onDate,
      excludedOrganizationIds: d.excludedOrganizationIds,
      eligibleExpertIds: d.eligibleExpertIds,
      seed: d.seed,
      drawnBy: d.drawnBy,
      drawnAt: d.drawnAt,
      experts: d.drawnExpertIds.map((id) => dtos.get(id)).filter((dto): dto is ExpertDTO => !!dto),
    }));
  }

  private async toDTOs(experts: ExpertEntity[], view: ExpertView): Promise<ExpertDTO[]> {
    const conflicts = view === 'PUBLIC' || experts.length === 0 ? [] : await this.dataSource.getRepository(ExpertConflictEntity).find({ where: { expertId: In(experts.map((e) => e.id)) } });
    return experts.map((e) => ({
      id: e.id,
      associationId: e.associationId,
      batchId: e.batchId,
      personId: e.personId,
      name: e.name,
      title: e.title,
      employerOrganizationId: e.employerOrganizationId,
      fields: e.fields,
      letterNumber: e.letterNumber,
      letterDate: e.letterDate,
      appointedOn: e.appointedOn,
      termEndsOn: e.termEndsOn,
      endedOn: e.endedOn,
      conflicts: view === 'PUBLIC' ? null : conflicts.filter((c) => c.expertId === e.id).map(({ organizationId, reason, declaredOn }) => ({ organizationId, reason, declaredOn })),
      contactPhone: view === 'STAFF_FULL' ? e.contactPhone : view === 'STAFF_LIST' ? maskPhone(e.contactPhone) : null,
      contactEmail: view === 'STAFF_FULL' ? e.contactEmail : view === 'STAFF_LIST' ? maskEmail(e.contactEmail) : null,
    }));
  }

  /** Declared conflicts plus the employer, per expert. */
  private async conflictsOf(manager: EntityManager, experts: ExpertEntity[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(experts.map((e) => [e.id, e.employerOrganizationId ? [e.employerOrganizationId] : []]));
    if (experts.length === 0) return result;
    for (const conflict of await manager.find(ExpertConflictEntity, { where: { expertId: In(experts.map((e) => e.id)) } })) {
      result.get(conflict.expertId)?.push(conflict.organizationId);
    }
    return result;
  }

  private async assertOrganizations(manager: EntityManager, associationId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await manager.countBy(OrganizationEntity, { associationId, id: In(ids) });
    if (found !== ids.length) throw new OrganizationUnknownError();
  }

  private async lockExpert(manager: EntityManager, caller: Identity | undefined, id: string): Promise<ExpertEntity> {
    const expert = await manager.findOne(ExpertEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!expert) throw new NotFoundError('Expert', id);
    requireRole(caller, expert.associationId, STAFF_ROLES);
    return expert;
  }

  private async publish(manager: EntityManager, expert: ExpertEntity, status: 'APPOINTED' | 'ENDED'): Promise<void> {
    const conflicts = (await this.conflictsOf(manager, [expert])).get(expert.id) ?? [];
    await this.outbox.record(manager, {
      type: 'membership.expert.changed',
      associationId: expert.associationId,
      payload: {
        expertId: expert.id,
        // The contract wants a string; an expert not (yet) linked to the person register has none.
        personId: expert.personId ?? null,
        name: expert.name,
        fields: expert.fields,
        conflictedOrganizationIds: [...new Set(conflicts)],
        status,
        termEndsOn: expert.endedOn ?? expert.termEndsOn,
      },
    });
  }
}
