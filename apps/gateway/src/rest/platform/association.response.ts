import { ApiProperty } from '@nestjs/swagger';
import { PageMeta } from '../rest-common.dto';

export class AssociationResource {
  @ApiProperty({ format: 'uuid', description: 'Identifier.' })
  id: string;

  @ApiProperty({ description: 'Full name.' })
  name: string;

  @ApiProperty({ description: 'Short code used in group-standard numbers.', example: 'WHCSA' })
  shortCode: string;

  @ApiProperty({ type: String, nullable: true, description: 'The body executing its conventions.' })
  executingBody: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Its supervising authority.' })
  supervisingAuthority: string | null;

  @ApiProperty({ format: 'date-time', description: 'When it was set up.' })
  createdAt: string;
}

export class AssociationList {
  @ApiProperty({ type: [AssociationResource], description: 'This page of associations.' })
  data: AssociationResource[];

  @ApiProperty({ type: PageMeta, description: 'Paging.' })
  page: PageMeta;
}
