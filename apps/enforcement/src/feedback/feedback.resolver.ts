import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentIdentity, type Identity, Public } from '@app/auth';
import type { ConnectionShape } from '@app/common';
import {
  ConventionFeedbackArgs,
  FeedbackConnection,
  FeedbackDTO,
  FeedbackReceiptDTO,
  FeedbackSummaryDTO,
  RespondentKind,
  SubmitConventionFeedbackInput,
} from './dtos/feedback.dto';
import type { ConventionFeedbackEntity } from './entities/convention-feedback.entity';
import { FeedbackService } from './feedback.service';
import { maskEmail, maskName, maskPhone } from '@app/common';

@Resolver(() => FeedbackDTO)
export class FeedbackResolver {
  constructor(private readonly feedback: FeedbackService) {}

  @Public()
  @Mutation(() => FeedbackReceiptDTO, { description: 'Returns a feedback form (意见反馈表) on drafts, from a unit (sealed) or an individual (signed). Open to the public.' })
  async submitConventionFeedback(@CurrentIdentity() caller: Identity | undefined, @Args('input', { description: 'The form.' }) input: SubmitConventionFeedbackInput): Promise<FeedbackReceiptDTO> {
    const saved = await this.feedback.submit(caller, input);
    return { id: saved.id, opinions: input.opinions.length, submittedOn: saved.submittedOn };
  }

  @Query(() => FeedbackConnection, { description: 'Feedback forms, oldest first, contact data masked. Secretariat or admin.' })
  async conventionFeedback(@CurrentIdentity() caller: Identity | undefined, @Args() args: ConventionFeedbackArgs): Promise<ConnectionShape<FeedbackDTO>> {
    const page = await this.feedback.list(caller, args.associationId, args.versionId ?? null, args);
    const nodes = await Promise.all(page.nodes.map((f) => this.toDTO(f, true)));
    return { ...page, nodes, edges: page.edges.map((e, i) => ({ cursor: e.cursor, node: nodes[i] })) };
  }

  @Query(() => FeedbackDTO, { description: 'One feedback form with full contact data. Secretariat or admin.' })
  async conventionFeedbackEntry(@CurrentIdentity() caller: Identity | undefined, @Args('id', { type: () => ID, description: 'The form.' }) id: string): Promise<FeedbackDTO> {
    return this.toDTO(await this.feedback.get(caller, id), false);
  }

  @Query(() => FeedbackSummaryDTO, { description: 'The opinions on a draft, article by article. Secretariat or admin.' })
  async conventionFeedbackSummary(@CurrentIdentity() caller: Identity | undefined, @Args('versionId', { type: () => ID, description: 'The draft version.' }) versionId: string): Promise<FeedbackSummaryDTO> {
    const summary = await this.feedback.summary(caller, versionId);
    return {
      versionId,
      responses: summary.responses,
      articles: summary.articles.map(({ article, opinions }) => ({
        articleNumber: article.number,
        label: article.label,
        text: article.text,
        opinionCount: opinions.length,
        opinions: opinions.map(({ opinion, feedback }) => ({
          feedbackId: feedback.id,
          respondentKind: feedback.respondentKind as RespondentKind,
          respondentName: feedback.respondentName,
          opinion: opinion.opinion,
          proposedWording: opinion.proposedWording,
        })),
      })),
      otherSuggestions: summary.otherSuggestions.map(({ feedback, text }) => ({ feedbackId: feedback.id, respondentName: feedback.respondentName, text })),
    };
  }

  private async toDTO(f: ConventionFeedbackEntity, masked: boolean): Promise<FeedbackDTO> {
    const opinions = await this.feedback.opinionsOf(f.id);
    return {
      id: f.id,
      associationId: f.associationId,
      respondentKind: f.respondentKind as RespondentKind,
      organizationId: f.organizationId,
      respondentName: f.respondentKind === 'INDIVIDUAL' && masked ? maskName(f.respondentName)! : f.respondentName,
      contactName: masked ? maskName(f.contactName)! : f.contactName,
      contactPosition: f.contactPosition,
      contactPhone: masked ? maskPhone(f.contactPhone) : f.contactPhone,
      contactEmail: masked ? maskEmail(f.contactEmail) : f.contactEmail,
      versionIds: f.versionIds,
      opinions: opinions.map(({ versionId, articleNumber, opinion, proposedWording }) => ({ versionId, articleNumber, opinion, proposedWording })),
      otherSuggestions: f.otherSuggestions,
      signed: f.signed,
      sealed: f.sealed,
      submittedOn: f.submittedOn,
      createdAt: f.createdAt,
    };
  }
}
