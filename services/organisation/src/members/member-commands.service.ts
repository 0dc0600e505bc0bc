import { Inject, Injectable } from '@nestjs/common';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import type { CommandResult, HandleCommandOptions, OrgUnitRef } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';

import type { Caller } from '../org-units/org-unit-scope';
import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { holdUnionOpen } from '../unions/union-open.guard';
import { parentIdOf } from './decide/member-rules.decider';
import type {
  ErasePersonalDataDto,
  LeaveUnionDto,
  RetainMembershipDto,
  TransferMemberDto,
} from './dto/member-changes.dto';
import type { MemberCommand } from './member.commands';
import type { Member, MemberEvent } from './member.decider';
import { memberDecider } from './member.decider';
import { loadMemberInScope, readUnionInScope } from './member-scope';
import { memberStreamId } from './member-streams';
import { readUnion } from './member-units';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** Turns changes of a membership into commands on the person's stream (joins: MemberJoinsService). */
@Injectable()
export class MemberCommandsService {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  // Both ends in the caller's scope: a union outside it is answered as unknown
  // (TARGET_UNION_NOT_FOUND); a move across subtrees is made by an officer above both.
  async transfer(
    user: Caller,
    memberId: string,
    body: TransferMemberDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { version } = await loadMemberInScope(this.store, user, memberId, { access: 'write' });
    const { state: toUnion, version: toUnionVersion } = await readUnionInScope(
      this.store,
      user,
      body.toUnionId,
    );

    return this.run(
      memberId,
      version,
      request,
      {
        type: 'TransferMember',
        data: { toUnion, transferredOn: body.transferredOn },
        metadata: request.metadata(startOfBusinessDate(body.transferredOn)),
      },
      () => ({
        id: body.toUnionId,
        path: 'orgPath' in toUnion ? toUnion.orgPath : body.toUnionId,
      }),
      (tx) => holdUnionOpen(tx.client, body.toUnionId, toUnionVersion, 'receiving union'),
    );
  }

  async leave(
    user: Caller,
    memberId: string,
    body: LeaveUnionDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { version, unit } = await loadMemberInScope(this.store, user, memberId, {
      access: 'write',
    });

    return this.run(
      memberId,
      version,
      request,
      {
        type: 'LeaveUnion',
        data: body,
        metadata: request.metadata(startOfBusinessDate(body.leftOn)),
      },
      () => unit,
    );
  }

  async retain(
    user: Caller,
    memberId: string,
    body: RetainMembershipDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { state, version } = await loadMemberInScope(this.store, user, memberId, {
      access: 'write',
    });
    const union = await readUnion(this.store, state.unionId);
    const parentId = parentIdOf(union);
    const federation = parentId ? await loadParentRef(this.store, parentId) : null;

    return this.run(
      memberId,
      version,
      request,
      {
        type: 'RetainMembership',
        data: { ...body, union, federation },
        metadata: request.metadata(startOfBusinessDate(body.since)),
      },
      () =>
        body.heldBy === 'federation' && federation
          ? { id: federation.id, path: federation.orgPath }
          : { id: state.unionId, path: 'orgPath' in union ? union.orgPath : state.unionId },
    );
  }

  async erase(
    user: Caller,
    memberId: string,
    body: ErasePersonalDataDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { version, unit } = await loadMemberInScope(this.store, user, memberId, {
      access: 'write',
    });
    const metadata = request.metadata();

    return this.run(
      memberId,
      version,
      request,
      { type: 'ErasePersonalData', data: body, metadata },
      () => unit,
      // The key goes in the transaction that records its erasure: both or neither.
      async (tx, [erased]) => {
        if (erased?.type === 'MemberPersonalDataErased')
          await this.vault.shredKey(
            tx.client,
            (erased.data as { keyId: string }).keyId,
            metadata.now,
          );
      },
    );
  }

  // The unit is read before the command; the version read with it guards against a change in
  // between (a caller's If-Match is never older than what is read here).
  private async run(
    memberId: string,
    version: number,
    request: CommandRequestContext,
    command: MemberCommand,
    unit: () => OrgUnitRef | Promise<OrgUnitRef>,
    withinTransaction?: HandleCommandOptions<
      Member,
      MemberCommand,
      MemberEvent
    >['withinTransaction'],
  ): Promise<CommandResult> {
    const orgUnit = await unit();

    return handleCommand(this.store, {
      streamId: memberStreamId(memberId),
      streamType: 'member',
      decider: memberDecider,
      command,
      expectedVersion: request.expectedVersion ?? version,
      orgUnit,
      id: memberId,
      withinTransaction,
    });
  }
}
