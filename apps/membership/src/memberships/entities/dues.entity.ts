import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { MembershipGradeName } from '@app/messaging';

/** What a grade pays for a year, and by when. Amounts in fen (分). */
@Entity({ name: 'dues_schedule' })
export class DuesScheduleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column({ type: 'text' })
  grade: MembershipGradeName;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column({ type: 'date' })
  dueOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

export type InvoiceStatus = 'OPEN' | 'PAID' | 'VOID';

/** Dues owed by one membership for one year. */
@Entity({ name: 'dues_invoice' })
export class DuesInvoiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  membershipId: string;

  @Column()
  number: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'text' })
  grade: MembershipGradeName;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  amountFen: number;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'text', default: 'OPEN' })
  status: InvoiceStatus;

  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
