import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../rest-common.dto';

export class StandardProjectDetails {
  @ApiProperty({ description: 'Project number given at approval (立项).' })
  projectNumber: string;

  @ApiProperty({ type: String, nullable: true, description: 'Lead drafting unit.' })
  leadUnitName: string | null;

  @ApiProperty({ format: 'date', description: 'Planned completion.' })
  deadline: string;

  @ApiProperty({ format: 'date', description: 'Date the project was approved.' })
  approvedOn: string;
}

export class StandardProjectResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ description: 'Title (Chinese).' })
  title: string;

  @ApiProperty({ description: 'Lifecycle state, from PROPOSED to APPROVAL_PENDING, or ON_HOLD.', example: 'PUBLIC_COMMENT' })
  state: string;

  @ApiProperty({ type: String, nullable: true, description: 'ISO harmonized stage code of the state.', example: '40.20' })
  isoStageCode: string | null;

  @ApiProperty({ description: 'Who owes the next action.', example: 'WORKING_GROUP' })
  actionOwner: string;

  @ApiProperty({ format: 'date-time', description: 'When it entered its state.' })
  stateEnteredAt: string;

  @ApiProperty({ format: 'date-time', description: 'When it was proposed.' })
  createdAt: string;

  @ApiProperty({ type: StandardProjectDetails, nullable: true, description: 'The approved project; null before approval.' })
  project: StandardProjectDetails | null;
}

export class StandardProjectList {
  @ApiProperty({ type: [StandardProjectResource], description: 'This page of standards in development.' })
  data: StandardProjectResource[];

  @ApiProperty({ type: PageMeta, description: 'Paging.' })
  page: PageMeta;
}
