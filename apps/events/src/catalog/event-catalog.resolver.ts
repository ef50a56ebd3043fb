import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/auth';
import { EVENT_CATEGORIES } from './event-category';
import { EventCategoryInfo } from './dtos/event-category.dto';

@Resolver(() => EventCategoryInfo)
export class EventCatalogResolver {
  @Public()
  @Query(() => [EventCategoryInfo], { description: 'Kinds of event the association can hold, with their defaults. Public.' })
  eventCategories(): EventCategoryInfo[] {
    return EVENT_CATEGORIES.map((c) => ({ ...c }));
  }
}
