import { Directive, Field, ObjectType } from '@nestjs/graphql';

/**
 * Relay page information, one type for every connection. Several subgraphs define it identically,
 * so it is `@shareable` for Federation 2 composition.
 */
@ObjectType('PageInfo', { description: 'Where a page of a connection sits in the whole list.' })
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page; fetch them with `after: endCursor`.' })
  hasNextPage: boolean;

  @Field(() => Boolean, { description: 'Always false: connections page forward only, with `first` and `after`.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page; null when the page is empty.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page. Null when the page is empty.' })
  endCursor: string | null;
}
