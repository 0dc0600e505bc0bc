import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import { WRITE_ACCESS } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import { commandOnLoaded } from '@taizhang/bootstrap';
import { startOfBusinessDate } from '@taizhang/domain';
import type { CommandResult, HandleCommandOptions, OrgUnitRef } from '@taizhang/event-store';
import { handleCommand, PostgresEventStore } from '@taizhang/event-store';

import { readBranchUnits } from '../branch-units';
import { loadParentRef } from '../org-units';
import { holdUnionOpen } from '../unions';
import { parentIdOf } from './decide/member-rules.decider';
import type {
  ErasePersonalDataDto,
  LeaveUnionDto,
  PlaceInBranchDto,
  RetainMembershipDto,
  TransferMemberDto,
} from './dto/member-changes.dto';
import type { MemberCommand } from './member.commands';
import type { Member, MemberEvent } from './member.decider';
import { memberDecider } from './member.decider';
import type { Enrolled } from './member-scope';
import { loadMemberInScope, readUnionInScope } from './member-scope';
import { memberStreamId } from './member-streams';
import { readUnion } from './member-units';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** A change of a membership: the command, the unit its events concern, what commits with it. */
type MemberChange = Pick<
  HandleCommandOptions<Member, MemberCommand, MemberEvent>,
  'command' | 'orgUnit' | 'withinTransaction' | 'fingerprint'
>;

/** Turns changes of a membership into commands on the person's stream (joins: MemberJoinsService). */
@Injectable()
export class MemberCommandsService {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  // Both ends in the caller's scope: a union outside it is answered as unknown
  // (TARGET_UNION_NOT_FOUND); a move across subtrees is made by an officer above both.
  transfer(
    user: Caller,
    memberId: string,
    body: TransferMemberDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.change(user, memberId, request, async () => {
      const { state: toUnion, version: toUnionVersion } = await readUnionInScope(
        this.store,
        user,
        body.toUnionId,
      );

      return {
        command: {
          type: 'TransferMember',
          data: { toUnion, transferredOn: body.transferredOn },
          metadata: request.metadata(startOfBusinessDate(body.transferredOn)),
        },
        orgUnit: {
          id: body.toUnionId,
          path: 'orgPath' in toUnion ? toUnion.orgPath : body.toUnionId,
        },
        // The request, not the union's state read for it: a replay after the union changed
        // (renamed, retyped) is still the same request.
        fingerprint: ['TransferMember', body],
        withinTransaction: (tx) =>
          holdUnionOpen(tx.client, body.toUnionId, toUnionVersion, 'receiving union'),
      };
    });
  }

  leave(
    user: Caller,
    memberId: string,
    body: LeaveUnionDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.change(user, memberId, request, ({ unit }) => ({
      command: {
        type: 'LeaveUnion',
        data: body,
        metadata: request.metadata(startOfBusinessDate(body.leftOn)),
      },
      orgUnit: unit,
    }));
  }

  retain(
    user: Caller,
    memberId: string,
    body: RetainMembershipDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.change(user, memberId, request, async ({ state }) => {
      const union = await readUnion(this.store, state.unionId);
      const parentId = parentIdOf(union);
      const federation = parentId ? await loadParentRef(this.store, parentId) : null;

      return {
        command: {
          type: 'RetainMembership',
          data: { ...body, union, federation },
          metadata: request.metadata(startOfBusinessDate(body.since)),
        },
        fingerprint: ['RetainMembership', body],
        orgUnit:
          body.heldBy === 'federation' && federation
            ? { id: federation.id, path: federation.orgPath }
            : { id: state.unionId, path: 'orgPath' in union ? union.orgPath : state.unionId },
      };
    });
  }

  /** 分工会/工会小组: the branch unit must be one of the member's union now. */
  placeInBranch(
    user: Caller,
    memberId: string,
    body: PlaceInBranchDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    return this.change(user, memberId, request, async ({ state, unit }) => {
      const { branches } = await readBranchUnits(this.store, state.unionId);
      const branchId = body.branchId;

      return {
        command: {
          type: 'PlaceMemberInBranch',
          data: {
            branch: branchId
              ? { branchId, found: branches.some((branch) => branch.branchId === branchId) }
              : null,
            placedOn: body.placedOn,
          },
          metadata: request.metadata(startOfBusinessDate(body.placedOn)),
        },
        orgUnit: unit,
        fingerprint: ['PlaceMemberInBranch', body],
      };
    });
  }

  erase(
    user: Caller,
    memberId: string,
    body: ErasePersonalDataDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const metadata = request.metadata();

    return this.change(user, memberId, request, ({ unit }) => ({
      command: { type: 'ErasePersonalData', data: body, metadata },
      orgUnit: unit,
      // The key goes in the transaction that records its erasure: both or neither.
      withinTransaction: async (tx, [erased]) => {
        if (erased?.type === 'MemberPersonalDataErased')
          await this.vault.shredKey(
            tx.client,
            (erased.data as { keyId: string }).keyId,
            metadata.now,
          );
      },
    }));
  }

  // The member is read in the caller's scope before the command; the version read with it
  // guards against a change in between (a caller's If-Match is never older than what is read).
  private change(
    user: Caller,
    memberId: string,
    request: CommandRequestContext,
    prepare: (member: {
      state: Enrolled;
      unit: OrgUnitRef;
    }) => MemberChange | Promise<MemberChange>,
  ): Promise<CommandResult> {
    return commandOnLoaded(
      request,
      () => loadMemberInScope(this.store, user, memberId, WRITE_ACCESS),
      async (member, expectedVersion) =>
        handleCommand(this.store, {
          streamId: memberStreamId(memberId),
          streamType: 'member',
          decider: memberDecider,
          expectedVersion,
          id: memberId,
          ...(await prepare(member)),
        }),
    );
  }
}
