import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '@app/auth';
import { StandardsService } from '../standards/standards.service';
import { StandardStage } from './dtos/standard-stage.dto';

@Resolver(() => StandardStage)
export class LifecycleResolver {
  constructor(private readonly standards: StandardsService) {}

  @Public()
  @Query(() => [StandardStage], { description: 'The group-standard lifecycle as stored: states, ISO stage codes, who owes the next action and allowed transitions. Public.' })
  async standardLifecycle(): Promise<StandardStage[]> {
    return this.standards.lifecycle();
  }
}
