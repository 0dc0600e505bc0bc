import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { MergeUnionDto } from '../unions';
import { mergeUnion } from './union-merger';

/**
 * 合并 under `/unions/:id/merge`: a feature of its own because it writes on the streams of both
 * unions and members (the unions feature does not know members).
 */
@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionMergersController {
  constructor(private readonly store: PostgresEventStore) {}

  /**
   * 合并: the union ends and its members move, each with their history, to `intoUnionId`. Like a
   * dissolution it needs a union above the merged one; the receiving union must be in scope too.
   */
  @CommandPost(200, ['federation_officer'], ':id/merge')
  merge(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: MergeUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return mergeUnion(this.store, user, unionId, body, request);
  }
}
