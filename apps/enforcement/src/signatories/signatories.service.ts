import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { type Identity, requireIdentity, isReadOnly } from '@app/auth';
import { ForbiddenError, NotFoundError, paginate, type ConnectionShape, type PageArgsInput, daysBetween, isIsoDate, todayInChina } from '@app/common';
import { OutboxService } from '@app/messaging';
import { actsForOrganization, isStaff } from '../common/acting-for';
import { ConventionEntity } from '../conventions/entities/convention.entity';
import { ConventionVersionEntity } from '../conventions/entities/convention-version.entity';
import { OrganizationDirectoryEntryEntity } from '../organization-directory/entities/organization-directory-entry.entity';
import { ConventionSignatureEntity, type SignerCapacityName } from './entities/convention-signature.entity';
import {
  AlreadySignatoryError,
  AuthorisationRequiredError,
  InvalidPeriodError,
  NotRepresentativeError,
  SignatureDateError,
  SignatureEndedError,
  SignatureNotRevokedError,
  UnknownOrganizationError,
  VersionNotSignableError,
} from './signatories.exception';

export interface SignConventionData {
  conventionVersionId: string;
  organizationId: string;
  signerCapacity: SignerCapacityName;
  signerName: string;
  authorisationReference?: string | null;
  signedOn: string;
}

export interface WithdrawData {
  signatureId: string;
  /** When the unit notified the executing body. */
  noticeOn: string;
  /** The first day the unit is no longer bound (the signature is in force until the day before). */
  endsOn: string;
}

/** A signature as recorded, whoever records it. */
interface SignatureRecord {
  organizationId: string;
  signerCapacity: SignerCapacityName;
  signerName: string;
  authorisationReference: string | null;
  signedOn: string;
  recordedBy: string;
  restoresSignatureId: string | null;
}

/** The revoked signature an overturned sanction restores, on the day of the review, by whom. */
export interface RestorationTarget {
  associationId: string;
  signatureId: string;
  restoredOn: string;
  recordedBy: string;
}

/** What restoring did: a new signature, or why none was made. */
export type Restoration = { outcome: 'RESTORED'; signature: ConventionSignatureEntity } | { outcome: 'ALREADY_SIGNATORY' | 'NO_SIGNABLE_VERSION' | 'WITHDRAWN_MEANWHILE'; signature: null };

/** Which signature a sanction revokes: by id, or the unit's signature of a convention. */
export type RevocationTarget =
  | { associationId: string; signatureId: string; sanctionId: string; endedOn: string }
  | { associationId: string; organizationId: string; conventionId: string; sanctionId: string; endedOn: string };

export interface BulletinEntry {
  signature: ConventionSignatureEntity;
  organizationName: string;
  conventionTitle: string;
  versionNumber: number;
}

export interface Bulletin {
  associationId: string;
  from: string;
  to: string;
  joined: BulletinEntry[];
  left: BulletinEntry[];
}

/** Longest period a bulletin or change list may cover. */
export const MAX_BULLETIN_DAYS = 366;

@Injectable()
export class SignatoriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * A unit signs a convention version through its legal representative or a delegate (who needs an
   * authorisation). The unit need not be a member, but must be an organization the association
   * knows. One signature in force per unit and convention; only adopted or effective versions.
   */
  async sign(caller: Identity | undefined, data: SignConventionData, today = todayInChina()): Promise<ConventionSignatureEntity> {
    const actor = requireIdentity(caller);
    if (!isIsoDate(data.signedOn)) throw new SignatureDateError('signedOn', 'signedOn must be a calendar date (YYYY-MM-DD).');
    if (data.signedOn > today) throw new SignatureDateError('signedOn', 'A signature cannot be dated in the future.');
    if (data.signerCapacity === 'DELEGATE' && !data.authorisationReference?.trim()) throw new AuthorisationRequiredError();
    return this.dataSource.transaction(async (manager) => {
      const version = await manager.findOneBy(ConventionVersionEntity, { id: data.conventionVersionId });
      if (!version) throw new NotFoundError('ConventionVersion', data.conventionVersionId);
      this.assertActsFor(actor, version.associationId, data.organizationId);
      return this.signInTransaction(manager, version, {
        organizationId: data.organizationId,
        signerCapacity: data.signerCapacity,
        signerName: data.signerName,
        authorisationReference: data.authorisationReference ?? null,
        signedOn: data.signedOn,
        recordedBy: actor.accountId,
        restoresSignatureId: null,
      });
    });
  }

  /**
   * Restores the unit whose signature a revocation ended, when an appeal overturns the sanction,
   * inside the caller's transaction (the review's). The overturn is the authority: the unit gives no
   * new authorisation, and this method trusts the caller's. Nothing is restored when the unit has a
   * signature of the convention in force on the day (it signed again meanwhile), nor when the
   * convention has no version in effect. Otherwise the unit signs the version in effect on the day,
   * by the same signer as the revoked signature, through the signing path (its rules and
   * `enforcement.convention.signed`, with `restoresSignatureId`). The revoked signature is left as it is.
   * A notice of withdrawal the revocation overtook still holds: the restored signature ends on its
   * day (`enforcement.signature.withdrawn`, WITHDRAWAL), and once that day has come nothing is restored.
   */
  async restoreInTransaction(manager: EntityManager, target: RestorationTarget): Promise<Restoration> {
    if (!isIsoDate(target.restoredOn)) throw new SignatureDateError('restoredOn', 'restoredOn must be a calendar date (YYYY-MM-DD).');
    const revoked = await manager.findOneBy(ConventionSignatureEntity, { id: target.signatureId, associationId: target.associationId });
    if (!revoked) throw new NotFoundError('Signature', target.signatureId);
    if (revoked.endReason !== 'REVOCATION') throw new SignatureNotRevokedError(revoked.endReason);
    await this.lockConvention(manager, revoked.conventionId);
    if (await this.hasSignatureFrom(manager, revoked.conventionId, revoked.organizationId, target.restoredOn)) return { outcome: 'ALREADY_SIGNATORY', signature: null };
    if (revoked.withdrawalEndsOn && revoked.withdrawalEndsOn <= target.restoredOn) return { outcome: 'WITHDRAWN_MEANWHILE', signature: null };
    const version = await manager.findOneBy(ConventionVersionEntity, { conventionId: revoked.conventionId, status: 'EFFECTIVE' });
    if (!version) return { outcome: 'NO_SIGNABLE_VERSION', signature: null };
    const signature = await this.signInTransaction(manager, version, {
      organizationId: revoked.organizationId,
      signerCapacity: revoked.signerCapacity,
      signerName: revoked.signerName,
      authorisationReference: revoked.authorisationReference,
      signedOn: target.restoredOn,
      recordedBy: target.recordedBy,
      restoresSignatureId: revoked.id,
    });
    if (revoked.withdrawalEndsOn) {
      await this.end(manager, signature, { reason: 'WITHDRAWAL', endedOn: revoked.withdrawalEndsOn, noticeOn: revoked.noticeOn, sanctionId: null });
    }
    return { outcome: 'RESTORED', signature };
  }

  /**
   * Records a signature of a version inside the caller's transaction, under the signing rules (a
   * signable version, dated on or after its adoption, a known unit, one signature in force per unit
   * and convention), and `enforcement.convention.signed` in the outbox. Authorisation is the caller's.
   */
  private async signInTransaction(manager: EntityManager, version: ConventionVersionEntity, data: SignatureRecord): Promise<ConventionSignatureEntity> {
    const { associationId, conventionId } = version;
    await this.lockConvention(manager, conventionId);
    const fresh = await manager.findOneByOrFail(ConventionVersionEntity, { id: version.id });
    if (fresh.status !== 'ADOPTED' && fresh.status !== 'EFFECTIVE') throw new VersionNotSignableError(fresh.status);
    if (data.signedOn < fresh.adoptedOn!) throw new SignatureDateError('signedOn', 'A version cannot be signed before it was adopted.');
    const organization = await manager.findOneBy(OrganizationDirectoryEntryEntity, { organizationId: data.organizationId, associationId });
    if (!organization) throw new UnknownOrganizationError(data.organizationId);
    if (await this.hasSignatureFrom(manager, conventionId, data.organizationId, data.signedOn)) throw new AlreadySignatoryError();
    const signature = await manager.save(
      manager.create(ConventionSignatureEntity, {
        associationId,
        conventionId,
        conventionVersionId: fresh.id,
        organizationId: data.organizationId,
        signerCapacity: data.signerCapacity,
        signerName: data.signerName.trim(),
        authorisationReference: data.authorisationReference?.trim() || null,
        signedOn: data.signedOn,
        recordedBy: data.recordedBy,
        restoresSignatureId: data.restoresSignatureId,
      }),
    );
    await this.outbox.record(manager, {
      type: 'enforcement.convention.signed',
      associationId,
      payload: {
        signatureId: signature.id,
        conventionId,
        conventionVersionId: fresh.id,
        organizationId: signature.organizationId,
        signedOn: signature.signedOn,
        restoresSignatureId: signature.restoresSignatureId,
      },
    });
    return signature;
  }

  /** Serialises signatures of one convention (and amendment rolls taken from them). */
  private async lockConvention(manager: EntityManager, conventionId: string): Promise<void> {
    await manager.query(`SELECT 1 FROM enforcement.convention WHERE id = $1 FOR UPDATE`, [conventionId]);
  }

  /** Whether the unit has a signature of the convention that is in force on the day or later. */
  private async hasSignatureFrom(manager: EntityManager, conventionId: string, organizationId: string, day: string): Promise<boolean> {
    return manager
      .createQueryBuilder(ConventionSignatureEntity, 's')
      .where('s.convention_id = :conventionId AND s.organization_id = :organizationId', { conventionId, organizationId })
      .andWhere('(s.ended_on IS NULL OR s.ended_on > :day)', { day })
      .getExists();
  }

  /** A unit leaves a convention by notice to the executing body. */
  async withdraw(caller: Identity | undefined, data: WithdrawData, today = todayInChina()): Promise<ConventionSignatureEntity> {
    const actor = requireIdentity(caller);
    if (!isIsoDate(data.noticeOn)) throw new SignatureDateError('noticeOn', 'noticeOn must be a calendar date (YYYY-MM-DD).');
    if (!isIsoDate(data.endsOn)) throw new SignatureDateError('endsOn', 'endsOn must be a calendar date (YYYY-MM-DD).');
    if (data.noticeOn > today) throw new SignatureDateError('noticeOn', 'A notice cannot be dated in the future.');
    if (data.endsOn < data.noticeOn) throw new SignatureDateError('endsOn', 'A withdrawal cannot take effect before the notice is given.');
    return this.dataSource.transaction(async (manager) => {
      const signature = await manager.findOne(ConventionSignatureEntity, { where: { id: data.signatureId }, lock: { mode: 'pessimistic_write' } });
      if (!signature) throw new NotFoundError('Signature', data.signatureId);
      this.assertActsFor(actor, signature.associationId, signature.organizationId);
      if (signature.endReason) throw new SignatureEndedError(signature.endReason);
      if (data.noticeOn < signature.signedOn) throw new SignatureDateError('noticeOn', 'The notice cannot precede the signature.');
      return this.end(manager, signature, { reason: 'WITHDRAWAL', endedOn: data.endsOn, noticeOn: data.noticeOn, sanctionId: null });
    });
  }

  /**
   * Ends a signature by the revocation sanction (取消公约成员资格), inside the caller's transaction
   * (the one that records the sanction), and records `enforcement.signature.withdrawn` with reason
   * REVOCATION in it. Authorisation is the caller's: this method trusts it. A signature already
   * withdrawn by notice but not yet ended is revoked instead (the earlier end date wins); the notice
   * is kept (`noticeOn`, `withdrawalEndsOn`) for an appeal that overturns the revocation.
   */
  async revokeInTransaction(manager: EntityManager, target: RevocationTarget): Promise<ConventionSignatureEntity> {
    if (!isIsoDate(target.endedOn)) throw new SignatureDateError('endedOn', 'endedOn must be a calendar date (YYYY-MM-DD).');
    const qb = manager
      .createQueryBuilder(ConventionSignatureEntity, 's')
      .setLock('pessimistic_write')
      .where('s.association_id = :associationId', { associationId: target.associationId });
    if ('signatureId' in target) qb.andWhere('s.id = :id', { id: target.signatureId });
    else {
      qb.andWhere('s.organization_id = :organizationId AND s.convention_id = :conventionId', target)
        .andWhere(`(s.end_reason IS NULL OR (s.end_reason = 'WITHDRAWAL' AND s.ended_on > :endedOn))`, { endedOn: target.endedOn })
        .orderBy('s.signed_on', 'DESC')
        .limit(1);
    }
    const signature = await qb.getOne();
    if (!signature) throw new NotFoundError('Signature', 'signatureId' in target ? target.signatureId : `${target.organizationId}/${target.conventionId}`);
    if (signature.endReason === 'REVOCATION') throw new SignatureEndedError(signature.endReason);
    if (signature.endReason === 'WITHDRAWAL' && signature.endedOn! <= target.endedOn) throw new SignatureEndedError(signature.endReason);
    if (target.endedOn < signature.signedOn) throw new SignatureDateError('endedOn', 'A signature cannot end before it was made.');
    const overtaken = signature.endReason === 'WITHDRAWAL' ? { noticeOn: signature.noticeOn, withdrawalEndsOn: signature.endedOn } : { noticeOn: null, withdrawalEndsOn: null };
    return this.end(manager, signature, { reason: 'REVOCATION', endedOn: target.endedOn, sanctionId: target.sanctionId, ...overtaken });
  }

  private async end(
    manager: EntityManager,
    signature: ConventionSignatureEntity,
    end: { reason: 'WITHDRAWAL' | 'REVOCATION'; endedOn: string; noticeOn: string | null; sanctionId: string | null; withdrawalEndsOn?: string | null },
  ): Promise<ConventionSignatureEntity> {
    if (end.endedOn < signature.signedOn) throw new SignatureDateError('endsOn', 'A signature cannot end before it was made.');
    signature.endReason = end.reason;
    signature.endedOn = end.endedOn;
    signature.noticeOn = end.noticeOn;
    signature.withdrawalEndsOn = end.withdrawalEndsOn ?? null;
    signature.sanctionId = end.sanctionId;
    signature.endRecordedAt = new Date();
    const saved = await manager.save(signature);
    await this.outbox.record(manager, {
      type: 'enforcement.signature.withdrawn',
      associationId: saved.associationId,
      payload: { signatureId: saved.id, conventionId: saved.conventionId, organizationId: saved.organizationId, reason: end.reason, endedOn: end.endedOn },
    });
    return saved;
  }

  // ---- reads ------------------------------------------------------------------------------

  async get(caller: Identity | undefined, id: string): Promise<ConventionSignatureEntity> {
    const signature = await this.dataSource.getRepository(ConventionSignatureEntity).findOneBy({ id });
    if (!signature) throw new NotFoundError('Signature', id);
    return signature;
  }

  /**
   * Signatures of a convention, oldest first; `inForceOn` keeps those in force on that day. The list
   * is public (public fields); signer names are resolved only for staff and the unit itself.
   */
  async list(conventionId: string, page: PageArgsInput, inForceOn: string | null): Promise<ConnectionShape<ConventionSignatureEntity>> {
    if (!(await this.dataSource.getRepository(ConventionEntity).existsBy({ id: conventionId }))) throw new NotFoundError('Convention', conventionId);
    const qb = this.dataSource.getRepository(ConventionSignatureEntity).createQueryBuilder('s').where('s.convention_id = :conventionId', { conventionId });
    if (inForceOn) {
      if (!isIsoDate(inForceOn)) throw new SignatureDateError('inForceOn', 'inForceOn must be a calendar date (YYYY-MM-DD).');
      qb.andWhere('s.signed_on <= :day AND (s.ended_on IS NULL OR s.ended_on > :day)', { day: inForceOn });
    }
    return paginate(qb, page, { createdAt: 's.created_at', id: 's.id' }, (s) => s);
  }

  async signaturesOfOrganization(organizationId: string): Promise<ConventionSignatureEntity[]> {
    return this.dataSource.getRepository(ConventionSignatureEntity).find({ where: { organizationId }, order: { signedOn: 'ASC', id: 'ASC' } });
  }

  /** Organizations whose signature of the convention is in force on the day, for amendment rolls. */
  async organizationsInForce(manager: EntityManager, conventionId: string, onDate: string): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await manager.query(
      `SELECT DISTINCT organization_id FROM enforcement.convention_signature
        WHERE convention_id = $1 AND signed_on <= $2 AND (ended_on IS NULL OR ended_on > $2)
        ORDER BY organization_id`,
      [conventionId, onDate],
    );
    return rows.map((r) => r.organization_id);
  }

  /** The signature of this unit in force on the day, if any. */
  async signatureInForce(manager: EntityManager, conventionId: string, organizationId: string, onDate: string): Promise<ConventionSignatureEntity | null> {
    return manager
      .createQueryBuilder(ConventionSignatureEntity, 's')
      .where('s.convention_id = :conventionId AND s.organization_id = :organizationId', { conventionId, organizationId })
      .andWhere('s.signed_on <= :day AND (s.ended_on IS NULL OR s.ended_on > :day)', { day: onDate })
      .getOne();
  }

  /**
   * The join and leave list (加入及退出名单) of a period, both ends included: signatures made in it
   * and signatures that ended in it (the unit's last day bound being the day before `endedOn`).
   */
  async bulletin(associationId: string, from: string, to: string, conventionId: string | null = null): Promise<Bulletin> {
    assertPeriod(from, to);
    const select = (dateColumn: 'signed_on' | 'ended_on') => {
      const qb = this.dataSource
        .getRepository(ConventionSignatureEntity)
        .createQueryBuilder('s')
        .where('s.association_id = :associationId', { associationId })
        .andWhere(`s.${dateColumn} BETWEEN :from AND :to`, { from, to })
        .orderBy(`s.${dateColumn}`, 'ASC')
        .addOrderBy('s.id', 'ASC');
      if (conventionId) qb.andWhere('s.convention_id = :conventionId', { conventionId });
      return qb.getMany();
    };
    const [joined, left] = await Promise.all([select('signed_on'), select('ended_on')]);
    const entries = await this.describe([...joined, ...left]);
    return { associationId, from, to, joined: joined.map((s) => entries(s)), left: left.map((s) => entries(s)) };
  }

  private async describe(signatures: ConventionSignatureEntity[]): Promise<(s: ConventionSignatureEntity) => BulletinEntry> {
    const orgIds = [...new Set(signatures.map((s) => s.organizationId))];
    const versionIds = [...new Set(signatures.map((s) => s.conventionVersionId))];
    const [orgs, versions] = await Promise.all([
      orgIds.length ? this.dataSource.getRepository(OrganizationDirectoryEntryEntity).createQueryBuilder('o').where('o.organization_id IN (:...orgIds)', { orgIds }).getMany() : [],
      versionIds.length
        ? this.dataSource.query(
            `SELECT v.id, v.version_number, c.title FROM enforcement.convention_version v JOIN enforcement.convention c ON c.id = v.convention_id WHERE v.id = ANY($1)`,
            [versionIds],
          )
        : [],
    ]);
    const names = new Map(orgs.map((o) => [o.organizationId, o.name]));
    const versionInfo = new Map<string, { version_number: number; title: string }>((versions as Array<{ id: string; version_number: number; title: string }>).map((v) => [v.id, v]));
    return (signature) => ({
      signature,
      organizationName: names.get(signature.organizationId) ?? '',
      conventionTitle: versionInfo.get(signature.conventionVersionId)?.title ?? '',
      versionNumber: versionInfo.get(signature.conventionVersionId)?.version_number ?? 0,
    });
  }

  /** Staff and the unit itself see who signed; everyone else the public fields only. */
  maySeeSigner(caller: Identity | undefined, signature: ConventionSignatureEntity): boolean {
    return isStaff(caller, signature.associationId) || (caller !== undefined && caller.grants.some((g) => g.associationId === signature.associationId && g.organizationId === signature.organizationId));
  }

  private assertActsFor(actor: Identity, associationId: string, organizationId: string): void {
    if (isReadOnly(actor, associationId)) throw new ForbiddenError('READ_ONLY', 'Regulators read only.');
    if (!actsForOrganization(actor, associationId, organizationId)) {
      if (actor.grants.some((g) => g.associationId === associationId)) throw new NotRepresentativeError();
      throw new ForbiddenError('NOT_IN_ASSOCIATION', 'You have no role in this association.');
    }
  }
}

export function assertPeriod(from: string, to: string): void {
  if (!isIsoDate(from) || !isIsoDate(to)) throw new InvalidPeriodError('from and to must be calendar dates (YYYY-MM-DD).');
  if (to < from) throw new InvalidPeriodError('The period ends before it starts.');
  if (daysBetween(from, to) > MAX_BULLETIN_DAYS) throw new InvalidPeriodError(`A period covers at most ${MAX_BULLETIN_DAYS} days.`);
}
