import { Inject, Injectable } from '@nestjs/common';

import type { Caller } from '@taizhang/auth';
import type { CommandRequestContext } from '@taizhang/bootstrap';
import type { EncryptedValue, PersonalField } from '@taizhang/contracts';
import type { OrgUnitRef } from '@taizhang/event-store';
import { PostgresEventStore } from '@taizhang/event-store';

import { maskBirthDate, maskPhoneNumber } from '../shared/phone-number';
import type { UnitInView } from '../unions';
import { unitsInView } from '../unions';
import type { MemberView } from './dto/member-view.dto';
import { maskIdCardNumber } from './id-card-number';
import type { MembershipStep } from './member.state';
import type { Enrolled } from './member-scope';
import { loadMemberInScope } from './member-scope';
import { memberDisclosuresStreamId } from './member-streams';
import { PersonalDataError } from './personal-data.error';
import { PersonalDataVault } from './personal-data/personal-data-vault';

type PersonalData = MemberView['personalData'];
type HistoryStep = MemberView['history'][number];

const MASKS: Record<PersonalField, (value: string) => string> = {
  idCardNumber: maskIdCardNumber,
  phone: maskPhoneNumber,
  birthDate: maskBirthDate,
};

const FIELDS: PersonalField[] = ['idCardNumber', 'phone', 'birthDate'];

/** A member as a union cadre reads them: personal data masked unless asked for with a reason. */
@Injectable()
export class MemberViewQuery {
  constructor(
    @Inject(PostgresEventStore) private readonly store: PostgresEventStore,
    @Inject(PersonalDataVault) private readonly vault: PersonalDataVault,
  ) {}

  async view(
    user: Caller,
    memberId: string,
    reveal: { reason: string } | null,
    request: CommandRequestContext,
  ): Promise<MemberView> {
    const { state, version, unit } = await loadMemberInScope(this.store, user, memberId);
    const plain = await this.decrypt(state);
    const present = FIELDS.filter((field) => plain[field] !== null);
    // The reading is on record before anything unmasked leaves the service.
    if (reveal && present.length > 0)
      await this.recordDisclosure(state, unit, present, reveal, request);

    return {
      ...(await this.describe(user, state)),
      personalData: {
        revealed: reveal !== null && present.length > 0,
        erased: state.personalData.erased,
        ...(Object.fromEntries(
          FIELDS.map((field) => {
            const value = plain[field];

            return [field, value === null || reveal ? value : MASKS[field](value)];
          }),
        ) as Pick<PersonalData, PersonalField>),
      },
      version,
    };
  }

  /** The reason is required before anything is decrypted for display. */
  static revealRequest(query: { reveal?: string; reason?: string }): { reason: string } | null {
    if (query.reveal !== 'true') return null;
    if (!query.reason) throw PersonalDataError.revealReason();

    return { reason: query.reason };
  }

  private async decrypt(state: Enrolled): Promise<Record<PersonalField, string | null>> {
    const none = { idCardNumber: null, phone: null, birthDate: null };
    const { keyId, erased } = state.personalData;
    if (!keyId || erased) return none;
    const found = await this.vault.findKey(keyId);
    if (found.status !== 'found') return none;
    const open = (field: PersonalField, value: EncryptedValue | null) =>
      value === null ? null : this.vault.open(found.key, field, value);

    return {
      idCardNumber: open('idCardNumber', state.personalData.idCardNumber),
      phone: open('phone', state.personalData.phone),
      birthDate: open('birthDate', state.personalData.birthDate),
    };
  }

  private async recordDisclosure(
    state: Enrolled,
    unit: OrgUnitRef,
    fields: PersonalField[],
    reveal: { reason: string },
    request: CommandRequestContext,
  ): Promise<void> {
    await this.store.appendToStream(
      memberDisclosuresStreamId(state.memberId),
      [
        {
          type: 'MemberPersonalDataRevealed',
          data: { memberId: state.memberId, fields, reason: reveal.reason },
        },
      ],
      {
        streamType: 'member-disclosures',
        orgUnit: unit,
        metadata: request.metadata(),
      },
    );
  }

  /** The member as the caller may see them: units outside its scope without their ids. */
  private async describe(
    user: Caller,
    state: Enrolled,
  ): Promise<Omit<MemberView, 'personalData' | 'version'>> {
    const retention = state.status === 'Retained' ? state.retention : null;
    const unit = await unitsInView(this.store, user, [
      state.unionId,
      ...(retention ? [retention.heldByOrgUnitId] : []),
      ...state.history.flatMap(unitsOfStep),
    ]);

    return {
      memberId: state.memberId,
      status:
        state.status === 'Active' ? 'active' : state.status === 'Retained' ? 'retained' : 'left',
      name: state.name,
      gender: state.gender,
      joinedOn: state.joinedOn,
      unionId: unit(state.unionId),
      since: state.since,
      employerId: state.employerId,
      employmentForm: state.employmentForm,
      migrantWorker: state.migrantWorker,
      channel: state.channel,
      branchId: state.branchId ?? null,
      retention: retention && { ...retention, heldByOrgUnitId: unit(retention.heldByOrgUnitId) },
      left: state.status === 'Left' ? { on: state.leftOn, reason: state.leftReason } : null,
      history: state.history.map((step) => stepInView(step, unit)),
    };
  }
}

const unitsOfStep = (step: MembershipStep): string[] => {
  if (step.step === 'transferred') return [step.unionId, step.fromUnionId];
  if (step.step === 'retained') return [step.unionId, step.heldByOrgUnitId];

  return [step.unionId];
};

/**
 * A step at a union outside the caller's scope shows only what happened and when (that the
 * member came by transfer, and the date they joined the union the caller sees); the union, the
 * federation holding a retention and any reason given there are not the caller's to read.
 */
const stepInView = (step: MembershipStep, unit: UnitInView): HistoryStep => {
  const from = step.step === 'transferred' ? { fromUnionId: unit(step.fromUnionId) } : {};
  const unionId = unit(step.unionId);
  if (unionId === null) return { step: step.step, on: step.on, unionId, ...from };
  if (step.step === 'retained') return { ...step, heldByOrgUnitId: unit(step.heldByOrgUnitId) };

  return { ...step, ...from };
};
