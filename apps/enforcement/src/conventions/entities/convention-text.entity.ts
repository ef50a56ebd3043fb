import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportedItem } from '../text/convention-text-importer';

/** A chapter (章) of one convention version. */
@Entity({ name: 'convention_chapter' })
export class ConventionChapterEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  versionId: string;

  @Column('integer')
  number: number;

  @Column()
  label: string;

  @Column()
  title: string;
}

/** An article (条) of one convention version, with its items (（一）…). Its number is the one the text gives it. */
@Entity({ name: 'convention_article' })
export class ConventionArticleEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  associationId: string;

  @Column('uuid')
  versionId: string;

  @Column({ type: 'integer', nullable: true })
  chapterNumber: number | null;

  @Column('integer')
  number: number;

  /** "第十二条". */
  @Column()
  label: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  items: ImportedItem[];
}
