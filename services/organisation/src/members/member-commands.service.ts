import { Inject, Injectable } from '@nestjs/common';

import type { CommandRequestContext } from '@taizhang/bootstrap';
import type { CommandResult, HandleCommandOptions, OrgUnitRef } from '@taizhang/event-store';
import {
  aggregateStream,
  canonicalJson,
  ConcurrencyError,
  handleCommand,
  IllegalStateError,
  PostgresEventStore,
} from '@taizhang/event-store';

import type { Caller } from '../org-units/org-unit-scope';
import { loadParentRef } from '../org-units/org-unit-streams';
import { startOfBusinessDate } from '../shared/business-date';
import { requireActive } from '../unions/decide/union-dates';
import { loadUnionInScope } from '../unions/union-scope';
import { parentIdOf } from './decide/member-rules.decider';
import type { JoinUnionDto } from './dto/join-union.dto';
import type {
  ErasePersonalDataDto,
  LeaveUnionDto,
  RetainMembershipDto,
  TransferMemberDto,
} from './dto/member-changes.dto';
import type { IdCardFacts } from './id-card-number';
import { parseIdCardNumber } from './id-card-number';
import type { MemberCommand } from './member.commands';
import type { Member, MemberEvent } from './member.decider';
import { memberDecider } from './member.decider';
import { loadMemberInScope, readUnionInScope } from './member-scope';
import { memberStreamId } from './member-streams';
import { readUnion } from './member-units';
import { PersonalDataError } from './personal-data.error';
import type { PersonKey } from './personal-data/personal-data-vault';
import { PersonalDataVault } from './personal-data/personal-data-vault';
import { normalisePhoneNumber } from './phone-number';

/** The ID card number and phone as given, checked and normalised (400 when they cannot be right). */
const readPersonalData = (body: JoinUnionDto): { facts: IdCardFacts; phone: string | null } => {
  const parsed = parseIdCardNumber(body.idCardNumber);
  if (!parsed.ok) throw PersonalDataError.idCard(parsed.problem);
  if (body.phone === undefined) return { facts: parsed.facts, phone: null };
  const phone = normalisePhoneNumber(body.phone);
  if (phone === null) throw PersonalDataError.phone();

  return { facts: parsed.facts, phone };
};

/** Turns member requests into commands on the person's stream, with their data encrypted. */
@Injectable()
export class MemberCommandsService {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async join(
    user: Caller,
    unionId: string,
    body: JoinUnionDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { facts, phone } = readPersonalData(body);
    const { state: union } = await loadUnionInScope(this.store, user, unionId, {
      access: 'write',
    });
    // A dissolved union, or one still being founded, takes no members: say which.
    requireActive(union);
    const { normalised, birthDate, gender } = facts;
    const memberId = this.vault.memberIdOf(normalised);
    const streamId = memberStreamId(memberId);
    const metadata = request.metadata(startOfBusinessDate(body.joinedOn));
    const attempt = (key: PersonKey): Promise<CommandResult> =>
      handleCommand(this.store, {
        streamId,
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
            idCard: { birthDate, gender },
            statedBirthDate: body.birthDate ?? null,
            employerId: body.employerId ?? null,
            employmentForm: body.employmentForm,
            migrantWorker: body.migrantWorker,
            channel: body.channel,
            personalData: {
              keyId: key.keyId,
              idCardNumber: this.vault.seal(key, 'idCardNumber', normalised),
              phone: phone === null ? null : this.vault.seal(key, 'phone', phone),
              birthDate: this.vault.seal(key, 'birthDate', birthDate),
            },
          },
          metadata,
        },
        expectedVersion: request.expectedVersion,
        orgUnit: { id: union.id, path: union.orgPath },
        id: memberId,
        // The body holds personal data: the fingerprint keeps only its keyed hash.
        fingerprint: ['JoinUnion', unionId, this.vault.fingerprintOf(canonicalJson(body))],
        withinTransaction: key.fresh
          ? (tx) => this.vault.saveKey(tx.client, key, memberId, metadata.now)
          : undefined,
      });

    return this.withPersonKey(streamId, request, attempt);
  }

  // Most joins are a person's first: a new key, nothing read before. A person who left and comes
  // back keeps their key (the decider says so); two first joins of one person race for the new
  // stream, and the loser is decided again on the winner's state.
  private async withPersonKey(
    streamId: string,
    request: CommandRequestContext,
    attempt: (key: PersonKey) => Promise<CommandResult>,
  ): Promise<CommandResult> {
    let key = this.vault.newKey();
    for (let retries = 2; ; retries -= 1) {
      try {
        return await attempt(key);
      } catch (error) {
        if (retries === 0) throw error;
        if (error instanceof ConcurrencyError && request.expectedVersion === undefined) continue;
        if (!(error instanceof IllegalStateError) || error.code !== 'PERSONAL_DATA_KEY_CHANGED')
          throw error;
        key = await this.keyOfReturningMember(streamId);
      }
    }
  }

  // Both ends in the caller's scope: a union outside it is answered as unknown
  // (TARGET_UNION_NOT_FOUND); a move across subtrees is made by an officer above both.
  async transfer(
    user: Caller,
    memberId: string,
    body: TransferMemberDto,
    request: CommandRequestContext,
  ): Promise<CommandResult> {
    const { version } = await loadMemberInScope(this.store, user, memberId, { access: 'write' });
    const toUnion = await readUnionInScope(this.store, user, body.toUnionId);

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

  // A person keeps one key across memberships; a new one only for a first join or after erasure.
  private async keyOfReturningMember(streamId: string): Promise<PersonKey> {
    const { state } = await aggregateStream(this.store, streamId, memberDecider);
    if (state.status !== 'Left' || !state.personalData.keyId || state.personalData.erased)
      return this.vault.newKey();
    const found = await this.vault.findKey(state.personalData.keyId);

    return found.status === 'found' ? found.key : this.vault.newKey();
  }
}
