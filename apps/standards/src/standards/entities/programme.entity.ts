import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An association's standards programme: its code in standard numbers and its rules. */
@Entity({ name: 'programme' })
export class ProgrammeEntity {
  @PrimaryColumn('uuid')
  associationId: string;

  /** Short code used in `T/<code> 001—2024`. */
  @Column()
  code: string;

  @Column('integer')
  minimumWorkingGroupUnits: number;

  /** Public-comment period in days, never below 30. */
  @Column('integer')
  commentDays: number;

  /** Review (复审) interval, 1 to 5 years. */
  @Column('integer')
  reviewIntervalYears: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
