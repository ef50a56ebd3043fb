import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public, canRead } from '@app/auth';
import { AssociationPageArgs, type ConnectionShape, isIsoDate, todayInChina } from '@app/common';
import { InvalidDateError } from './conventions.exception';
import { ConventionsService, publicationWarningOf } from './conventions.service';
import {
  AdoptConventionVersionInput,
  ConventionArticleDTO,
  ConventionChapterDTO,
  ConventionConnection,
  ConventionDTO,
  ConventionImportWarningDTO,
  ConventionPublicationWarningDTO,
  ConventionVersionDTO,
  CreateConventionInput,
  ImportConventionTextArgs,
  ImportedConventionTextDTO,
  PublicationWarningLevel,
  PublicationWarningsArgs,
  RecordConventionPublicationInput,
  ReviseConventionDraftInput,
  StartConventionRevisionInput,
  toConventionDTO,
  toVersionDTO,
} from './dtos/convention.dto';
import type { ConventionEntity } from './entities/convention.entity';
import type { ConventionVersionEntity } from './entities/convention-version.entity';
import type { PublicationWarning } from './conventions.service';

export function toWarningDTO(w: PublicationWarning): ConventionPublicationWarningDTO {
  return {
    level: w.level as PublicationWarningLevel,
    daysLeft: w.daysLeft,
    publicationDeadline: w.version.publicationDeadline!,
    versionId: w.version.id,
    conventionId: w.version.conventionId,
    conventionTitle: w.conventionTitle,
    versionNumber: w.version.versionNumber,
  };
}

@Resolver(() => ConventionDTO)
export class ConventionsResolver {
  constructor(private readonly service: ConventionsService) {}

  @Public()
  @Query(() => ConventionConnection, { description: "An association's conventions, oldest first. The public sees those with a version in effect." })
  async conventions(@CurrentIdentity() caller: Identity | undefined, @Args() page: AssociationPageArgs): Promise<ConnectionShape<ConventionDTO>> {
    const connection = await this.service.listConventions(caller, page.associationId, page);
    return { ...connection, edges: connection.edges.map((e) => ({ ...e, node: toConventionDTO(e.node) })), nodes: connection.nodes.map(toConventionDTO) };
  }

  @Public()
  @Query(() => ConventionDTO, { description: 'One convention. The public reads it once a version is in effect.' })
  async convention(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The convention.' }) id: string): Promise<ConventionDTO> {
    return toConventionDTO(await this.service.getConvention(caller, id));
  }

  @Public()
  @Query(() => ConventionVersionDTO, { description: 'One version of a convention text. The public reads the version in effect.' })
  async conventionVersion(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The version.' }) id: string): Promise<ConventionVersionDTO> {
    return toVersionDTO(await this.service.getVersion(caller, id));
  }

  @Query(() => ImportedConventionTextDTO, { description: 'Parses a plain convention text into chapters, articles and items, with warnings for what was skipped. Stores nothing.' })
  importConventionText(@CurrentIdentity() caller: Identity | undefined, @Args() args: ImportConventionTextArgs): ImportedConventionTextDTO {
    return this.service.preview(caller, args.text);
  }

  @Query(() => [ConventionPublicationWarningDTO], { description: 'Texts in effect not yet published whose 30-day deadline is within 7 days or past. Secretariat or admin.' })
  async conventionPublicationWarnings(@CurrentIdentity() caller: Identity | undefined, @Args() args: PublicationWarningsArgs): Promise<ConventionPublicationWarningDTO[]> {
    if (args.asOf && !isIsoDate(args.asOf)) throw new InvalidDateError('asOf');
    return (await this.service.publicationWarningsFor(caller, args.associationId, args.asOf ?? undefined)).map(toWarningDTO);
  }

  @Mutation(() => ConventionVersionDTO, { description: 'Creates a convention with its first version as a draft imported from the text. Secretariat or admin.' })
  async createConvention(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The convention.' }) input: CreateConventionInput): Promise<ConventionVersionDTO> {
    return toVersionDTO((await this.service.create(caller, input)).version);
  }

  @Mutation(() => ConventionVersionDTO, { description: 'Replaces the text of a draft version. Secretariat or admin.' })
  async reviseConventionDraft(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The new text.' }) input: ReviseConventionDraftInput): Promise<ConventionVersionDTO> {
    return toVersionDTO(await this.service.reviseDraft(caller, input.versionId, input.text));
  }

  @Mutation(() => ConventionVersionDTO, { description: 'Opens a new draft version. A convention that has been in effect changes only by amendment. Secretariat or admin.' })
  async startConventionRevision(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The new text.' }) input: StartConventionRevisionInput): Promise<ConventionVersionDTO> {
    return toVersionDTO(await this.service.startRevision(caller, input.conventionId, input.text));
  }

  @Mutation(() => ConventionVersionDTO, {
    description: "Adopts a draft (member congress vote, initiators' signatures, or signatory consent for an annex), with the competent authority's approval where required. In effect at once when its effective date has come. Secretariat or admin.",
  })
  async adoptConventionVersion(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The adoption record.' }) input: AdoptConventionVersionInput): Promise<ConventionVersionDTO> {
    return toVersionDTO(await this.service.adopt(caller, input));
  }

  @Mutation(() => ConventionVersionDTO, { description: 'Records that the executing body published the text. Secretariat or admin.' })
  async recordConventionPublication(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The publication.' }) input: RecordConventionPublicationInput): Promise<ConventionVersionDTO> {
    return toVersionDTO(await this.service.recordPublication(caller, input.versionId, input.publishedOn, input.channel));
  }

  @ResolveField(() => ConventionVersionDTO, { nullable: true, description: 'The version in effect, if any.' })
  async currentVersion(@Parent() convention: ConventionDTO): Promise<ConventionVersionDTO | null> {
    const version = await this.service.currentVersionOf(convention.id);
    return version ? toVersionDTO(version) : null;
  }

  @ResolveField(() => [ConventionVersionDTO], { description: 'Versions the caller may read, oldest first (the public: the one in effect).' })
  async versions(@CurrentIdentity() caller: Identity | undefined, @Parent() convention: ConventionDTO): Promise<ConventionVersionDTO[]> {
    return (await this.service.versionsOf(caller, convention as unknown as ConventionEntity)).map(toVersionDTO);
  }
}

@Resolver(() => ConventionVersionDTO)
export class ConventionVersionsResolver {
  constructor(private readonly conventions: ConventionsService) {}

  @ResolveField(() => [ConventionChapterDTO], { description: 'Chapters, in order.' })
  async chapters(@Parent() version: ConventionVersionDTO): Promise<ConventionChapterDTO[]> {
    return (await this.conventions.chaptersOf(version.id)).map(({ number, label, title }) => ({ number, label, title }));
  }

  @ResolveField(() => [ConventionArticleDTO], { description: 'Articles with their items, in order.' })
  async articles(@Parent() version: ConventionVersionDTO): Promise<ConventionArticleDTO[]> {
    return (await this.conventions.articlesOf(version.id)).map(({ number, label, chapterNumber, text, items }) => ({ number, label, chapterNumber, text, items }));
  }

  @ResolveField(() => String, { nullable: true, description: 'The plain text it was imported from, with any preamble and signature block; readers of the association only.' })
  sourceText(@CurrentIdentity() caller: Identity | undefined, @Parent() version: ConventionVersionDTO): string | null {
    return canRead(caller, version.associationId) ? version.sourceText : null;
  }

  @ResolveField(() => [ConventionImportWarningDTO], { description: 'What the importer skipped from the plain text; empty for the public.' })
  importWarnings(@CurrentIdentity() caller: Identity | undefined, @Parent() version: ConventionVersionDTO): ConventionImportWarningDTO[] {
    return canRead(caller, version.associationId) ? version.importWarnings : [];
  }

  @ResolveField(() => ConventionPublicationWarningDTO, { nullable: true, description: 'Set while the text is unpublished and its deadline is within 7 days or past.' })
  async publicationWarning(@Parent() version: ConventionVersionDTO): Promise<ConventionPublicationWarningDTO | null> {
    const warning = publicationWarningOf(version, todayInChina());
    if (!warning) return null;
    const convention = await this.conventions.conventionOf(version.conventionId);
    return toWarningDTO({ version: version as unknown as ConventionVersionEntity, conventionTitle: convention.title, level: warning.level, daysLeft: warning.daysLeft });
  }
}
