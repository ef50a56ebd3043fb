import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RegistrationStatus } from '../registration-policy';

export type AttendanceName = 'PRESENT' | 'PROXY' | 'ABSENT';

/** One person's registration for an event, possibly on behalf of a member unit. */
@Entity({ name: 'registration' })
export class RegistrationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  eventId: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  personId: string | null;

  @Column({ type: 'uuid', nullable: true })
  accountId: string | null;

  @Column()
  attendeeName: string;

  @Column({ type: 'text', nullable: true })
  attendeeEmail: string | null;

  @Column({ type: 'text', nullable: true })
  attendeePhone: string | null;

  /** Normalised e-mail or phone: one active registration per person and event. */
  @Column()
  personKey: string;

  @Column({ type: 'text' })
  status: RegistrationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  waitlistedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  offerExpiresAt: Date | null;

  /** SHA-256 of the check-in token; the token itself is shown once and never stored. */
  @Column({ type: 'bytea', select: false })
  checkInTokenHash: Buffer;

  @Column({ type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ type: 'text', nullable: true })
  attendance: AttendanceName | null;

  @Column({ type: 'text', nullable: true })
  proxyHolderName: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  attendanceRecordedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  certificateNumber: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  certificateIssuedAt: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
