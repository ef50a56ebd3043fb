import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ClauseChangeKind, DiffLineKind } from './enums';

@ObjectType('StandardDraftClause', { description: 'A numbered clause of a structured draft.' })
export class DraftClauseDTO {
  @Field({ description: 'Clause number, e.g. 4.2.1.' })
  number: string;

  @Field(() => String, { nullable: true, description: 'Clause title.' })
  title?: string | null;

  @Field({ description: 'Clause text.' })
  text: string;
}

@ObjectType('StandardDraftVersion', { description: 'A version ("00", "01", …) of a standard’s text.' })
export class DraftVersionDTO {
  @Field(() => ID, { description: 'Identifier.' })
  id: string;

  @Field({ description: 'Version number: "00", "01", …' })
  version: string;

  @Field({ description: 'Label: 工作组讨论稿, 征求意见稿, 送审稿, 报批稿 or 发布稿.' })
  label: string;

  @Field(() => String, { nullable: true, description: 'Unstructured text, when not given as clauses.' })
  text: string | null;

  @Field(() => [DraftClauseDTO], { nullable: true, description: 'Clauses, when structured.' })
  clauses: DraftClauseDTO[] | null;

  @Field(() => String, { nullable: true, description: 'Explanatory note (编制说明).' })
  explanatoryNote: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was frozen (the standard moved forward); null while editable.' })
  frozenAt: Date | null;

  @Field({ description: 'Who saved it last.' })
  authorName: string;

  @Field({ description: 'When it was last saved.' })
  updatedAt: Date;
}

@ObjectType('StandardDiffLine', { description: 'One line of a line diff.' })
export class DiffLineDTO {
  @Field(() => DiffLineKind, { description: 'Added, removed or unchanged.' })
  kind: DiffLineKind;

  @Field({ description: 'The line.' })
  text: string;
}

@ObjectType('StandardClauseChange', { description: 'A clause that differs between two drafts.' })
export class ClauseChangeDTO {
  @Field({ description: 'Clause number.' })
  number: string;

  @Field(() => ClauseChangeKind, { description: 'Added, removed or changed.' })
  change: ClauseChangeKind;

  @Field(() => String, { nullable: true, description: 'Title in the earlier draft.' })
  titleBefore: string | null;

  @Field(() => String, { nullable: true, description: 'Title in the later draft.' })
  titleAfter: string | null;

  @Field(() => [DiffLineDTO], { description: 'Line diff of the clause text.' })
  lines: DiffLineDTO[];
}

@ObjectType('StandardDraftDiff', { description: 'Differences between two draft versions.' })
export class DraftDiffDTO {
  @Field({ description: 'Earlier version.' })
  from: string;

  @Field({ description: 'Later version.' })
  to: string;

  @Field({ description: 'True when both versions are structured and compared clause by clause.' })
  clauseAware: boolean;

  @Field(() => [ClauseChangeDTO], { description: 'Changed clauses, in clause order (clause-aware diffs).' })
  clauses: ClauseChangeDTO[];

  @Field(() => [DiffLineDTO], { description: 'Line diff of the whole text (when a version is unstructured).' })
  lines: DiffLineDTO[];

  @Field(() => Int, { description: 'Clauses (or lines) added.' })
  added: number;

  @Field(() => Int, { description: 'Clauses (or lines) removed.' })
  removed: number;

  @Field(() => Int, { description: 'Clauses changed.' })
  changed: number;
}
