import { Body, Controller, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

import { CommandPost, SignedInCommand } from '@taizhang/bootstrap';
import type { CommandResult } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { DissolveUnionDto } from '../unions';
import { dissolveUnion } from './union-dissolution';

/**
 * 撤销 under `/unions/:id/dissolve`: a feature of its own, as a merger is, because it writes on
 * the streams of the union and of its members (the unions feature does not know members).
 */
@ApiTags('unions 基层工会')
@Controller('unions')
export class UnionDissolutionsController {
  constructor(private readonly store: PostgresEventStore) {}

  /**
   * Dissolution needs the union one level up (工会法): never the union itself. The federation
   * above holds every membership the union still holds, from the dissolution date.
   */
  @CommandPost(200, ['federation_officer'], ':id/dissolve')
  dissolve(
    @Param('id', ParseUUIDPipe) unionId: string,
    @Body() body: DissolveUnionDto,
    @SignedInCommand() { user, request }: SignedInCommand,
  ): Promise<CommandResult> {
    return dissolveUnion(this.store, user, unionId, body, request);
  }
}
