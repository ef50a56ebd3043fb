// Shapes every REST resource shares: paging in and out, and the problem+json error body.
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class PageQuery {
  @ApiProperty({ required: false, minimum: 1, maximum: 100, default: 20, description: 'Page size, 1 to 100.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  first?: number;

  @ApiProperty({ required: false, description: 'Cursor: `page.endCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(512)
  after?: string;
}

export class PageMeta {
  @ApiProperty({ description: 'Items in the whole list.' })
  totalCount: number;

  @ApiProperty({ description: 'Whether another page follows.' })
  hasNextPage: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor: string | null;
}

export class Problem {
  @ApiProperty({ example: 'urn:zilv:problem:invalid-api-key', description: 'Problem type.' })
  type: string;

  @ApiProperty({ example: 'Authentication required', description: 'Short summary.' })
  title: string;

  @ApiProperty({ example: 401, description: 'HTTP status.' })
  status: number;

  @ApiProperty({ description: 'What went wrong, for a person.' })
  detail: string;

  @ApiProperty({ required: false, description: 'The request path.' })
  instance?: string;

  @ApiProperty({ example: 'UNAUTHENTICATED', description: 'Public error code.' })
  code: string;

  @ApiProperty({ required: false, example: 'INVALID_API_KEY', description: 'Specific reason.' })
  reason?: string;

  @ApiProperty({ required: false, description: 'Quote it when reporting a problem.' })
  requestId?: string;
}
