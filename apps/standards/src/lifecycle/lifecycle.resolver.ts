import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/auth';
import { STANDARD_LIFECYCLE } from './standard-lifecycle';
import { StandardStage } from './dtos/standard-stage.dto';

@Resolver(() => StandardStage)
export class LifecycleResolver {
  @Public()
  @Query(() => [StandardStage], { description: 'The group-standard lifecycle: states, ISO stage codes and allowed transitions. Public.' })
  standardLifecycle(): StandardStage[] {
    return STANDARD_LIFECYCLE.map((stage) => ({ ...stage, next: [...stage.next] }));
  }
}
