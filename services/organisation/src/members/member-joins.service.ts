import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import { loadInScope, WRITE_ACCESS } from '@taizhang/auth';
import type { CommandMetadata, CommandResult } from '@taizhang/event-store';
import type { BatchCommand, EventStoreTransaction } from '@taizhang/event-store';
import {
  aggregateStream,
  canonicalJson,
  ConcurrencyError,
  GroupCommit,
  IllegalStateError,
  NotFoundError,
  PostgresEventStore,
  StreamReadBatcher,
} from '@taizhang/event-store';

import { readBranchUnits } from '../branch-units';
import type { OrgTreeReader, ParentRef } from '../org-units';
import { batchedOrgTreeOf } from '../org-units';
import type { Union, UnionEvent } from '../unions';
import { requireActive } from '../unions';
import { unionDecider } from '../unions';
import { withCurrentPath } from '../unions';
import { holdUnionsOpen } from '../unions';
import { unionStreamId } from '../unions';
import type { JoinUnionDto } from './dto/join-union.dto';
import type { BranchAsked, MemberCommand } from './member.commands';
import type { Member, MemberEvent } from './member.decider';
import { memberDecider } from './member.decider';
import { memberStreamId } from './member-streams';
import type { PersonKey } from './personal-data/person-key';
import { newPersonKey } from './personal-data/person-key';
import type { JoiningPerson, PersonalData } from './personal-data/personal-data';
import { readPersonalData, sealPersonalData } from './personal-data/personal-data';
import { PersonalDataVault } from './personal-data/personal-data-vault';

/** What a join's batch hook needs: the person's key, stored with the join that first uses it. */
export interface JoinContext {
  memberId: string;
  unionId: string;
  /** Joined a federation unit holding members, not a union: no union head to hold open. */
  held?: boolean;
  key: PersonKey;
  now: Date;
}

/** Where a join places the member besides the union: a branch unit, or a holding federation. */
export interface Placement {
  branch?: BranchAsked | null;
  holder?: ParentRef | null;
}

/** A join as a command on the person's stream, ready for handleCommand or a batch. */
export type JoinRequest = BatchCommand<Member, MemberCommand, MemberEvent, JoinContext>;

/**
 * 入会: turns a join (from a request or a sheet row) into a command on the person's stream, their
 * data sealed under their own key, and records it.
 */
@Injectable()
export class MemberJoinsService {
  // Concurrent joins (of different people) share a transaction: one round trip locks all their
  // streams, one appends all their events, one stores all their new keys.
  private readonly joins: GroupCommit<Member, MemberCommand, MemberEvent, JoinContext>;
  // Concurrent joins read their unions in one query (often the same union, read once), and
  // their places in the tree in another.
  private readonly unionReads: StreamReadBatcher;
  private readonly tree: OrgTreeReader;

  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PersonalDataVault) readonly vault: PersonalDataVault,
  ) {
    this.unionReads = new StreamReadBatcher(store);
    this.tree = batchedOrgTreeOf(store.pool);
    this.joins = new GroupCommit(store, {
      withinTransaction: (tx, appended) => this.commitWithJoins(tx, appended),
    });
  }

  async join(
    user: Caller,
    unionId: string,
    body: JoinUnionDto,
    metadata: CommandMetadata,
    expectedVersion?: number,
  ): Promise<CommandResult> {
    const personal = readPersonalData(body);
    const union = await this.activeUnion(user, unionId);
    const branch = body.branchId ? await this.branchOf(unionId, body.branchId) : null;

    return this.joinPrepared(union, body, personal, metadata, expectedVersion, { branch });
  }

  /**
   * 发展会员 by a street, community or village federation before the member's workplace has a
   * union (seed 003): the unit, in the caller's scope (else 404), holds the membership.
   */
  joinHeld(
    holder: ParentRef,
    body: JoinUnionDto,
    metadata: CommandMetadata,
    expectedVersion?: number,
  ): Promise<CommandResult> {
    const personal = readPersonalData(body);
    // A federation unit has no branch units: one named is refused by the decider.
    const branch = body.branchId ? { branchId: body.branchId, found: false } : null;

    return this.joinPrepared({ status: 'None' }, body, personal, metadata, expectedVersion, {
      branch,
      holder,
    });
  }

  /** Whether the union has the branch unit a join names (the decider refuses it if not). */
  private async branchOf(unionId: string, branchId: string): Promise<BranchAsked> {
    const { branches } = await readBranchUnits(this.store, unionId);

    return { branchId, found: branches.some((branch) => branch.branchId === branchId) };
  }

  /**
   * The union a member joins: 404 when there is none or it lies outside the caller's subtree
   * (checked against its current path), 403 for a read-only caller, 422 when it takes no members now.
   */
  async activeUnion(user: Caller, unionId: string): Promise<Union> {
    const { state: union } = await loadInScope(
      user,
      {
        load: async () => {
          const events = await this.unionReads.read(unionStreamId(unionId));
          // Its own stream does not record a move of the street above it: the tree gives the path.
          const state = await withCurrentPath(
            this.tree,
            events.reduce(
              (current, event) => unionDecider.evolve(current, event as unknown as UnionEvent),
              unionDecider.initialState(),
            ),
          );

          return { state, version: events.at(-1)?.streamVersion ?? 0 };
        },
        exists: (state): state is Exclude<Union, { status: 'None' }> => state.status !== 'None',
        unitOf: (state) => ({ id: unionId, path: state.orgPath }),
        notFound: () => new NotFoundError(`Union ${unionId} does not exist. / 工会不存在。`),
      },
      WRITE_ACCESS,
    );
    // A dissolved union, or one still being founded, takes no members: say which.
    requireActive(union);

    return union;
  }

  /** Records one join whose personal data was read already, deciding again when it lost a race. */
  joinPrepared(
    union: Union,
    body: JoinUnionDto,
    personal: PersonalData,
    metadata: CommandMetadata,
    expectedVersion?: number,
    placement: Placement = {},
  ): Promise<CommandResult> {
    const memberId = this.vault.memberIdOf(personal.facts.normalised);

    return this.withPersonKey(memberId, expectedVersion, (key) =>
      this.joins.submit(
        this.joinRequest(
          union,
          body,
          { memberId, facts: personal.facts, key, personalData: sealPersonalData(key, personal) },
          metadata,
          expectedVersion,
          placement,
        ),
      ),
    );
  }

  /** The join as a command on the person's stream (`member-<blind index of the number>`). */
  joinRequest(
    union: Union,
    body: JoinUnionDto,
    { memberId, facts, key, personalData }: JoiningPerson,
    metadata: CommandMetadata,
    expectedVersion?: number,
    { branch = null, holder = null }: Placement = {},
  ): JoinRequest {
    const unionId = holder ? holder.id : union.status === 'None' ? '' : union.id;
    const orgUnit = holder
      ? { id: holder.id, path: holder.orgPath }
      : 'orgPath' in union
        ? { id: unionId, path: union.orgPath }
        : { id: unionId, path: unionId };

    return {
      streamId: memberStreamId(memberId),
      streamType: 'member',
      decider: memberDecider,
      command: {
        type: 'JoinUnion',
        data: {
          memberId,
          name: body.name,
          gender: body.gender,
          joinedOn: body.joinedOn,
          union,
          idCard: { birthDate: facts.birthDate, gender: facts.gender },
          statedBirthDate: body.birthDate ?? null,
          employerId: body.employerId ?? null,
          employmentForm: body.employmentForm,
          migrantWorker: body.migrantWorker,
          channel: body.channel,
          personalData,
          branch,
          holder,
        },
        metadata,
      },
      expectedVersion,
      orgUnit,
      id: memberId,
      // The body holds personal data: the fingerprint keeps only its keyed hash (and is needed
      // only with an Idempotency-Key).
      fingerprint: metadata.commandId
        ? ['JoinUnion', unionId, this.vault.fingerprintOf(canonicalJson(body))]
        : null,
      context: { memberId, unionId, key, now: metadata.now, ...(holder ? { held: true } : {}) },
    };
  }

  /**
   * Work that commits with the joins a transaction appended: their unions' heads held open (a
   * merger or dissolution waits, or the joins are refused), and the fresh keys stored in one
   * statement.
   */
  async commitWithJoins(
    tx: EventStoreTransaction,
    appended: readonly { context: JoinContext }[],
  ): Promise<void> {
    await holdUnionsOpen(
      tx.client,
      appended.filter(({ context }) => !context.held).map(({ context }) => context.unionId),
    );
    const fresh = appended.filter(({ context }) => context.key.fresh).map((a) => a.context);
    if (fresh.length > 0) await this.vault.saveKeys(tx.client, fresh);
  }

  // Most joins are a person's first: a new key, nothing read before. A person who left and comes
  // back keeps their key (the decider says so); two first joins of one person race for the new
  // stream, and the loser is decided again on the winner's state.
  private async withPersonKey(
    memberId: string,
    expectedVersion: number | undefined,
    attempt: (key: PersonKey) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    let key = newPersonKey();
    for (let retries = 2; ; retries -= 1) {
      try {
        return await attempt(key);
      } catch (error) {
        if (retries === 0) throw error;
        if (error instanceof ConcurrencyError && expectedVersion === undefined) continue;
        if (!(error instanceof IllegalStateError) || error.code !== 'PERSONAL_DATA_KEY_CHANGED')
          throw error;
        key = await this.keyOfReturningMember(memberId);
      }
    }
  }

  // A person keeps one key across memberships; a new one only for a first join or after erasure.
  private async keyOfReturningMember(memberId: string): Promise<PersonKey> {
    const { state } = await aggregateStream(this.store, memberStreamId(memberId), memberDecider);
    if (state.status !== 'Left' || !state.personalData.keyId || state.personalData.erased)
      return newPersonKey();
    const found = await this.vault.findKey(state.personalData.keyId);

    return found.status === 'found' ? found.key : newPersonKey();
  }
}
