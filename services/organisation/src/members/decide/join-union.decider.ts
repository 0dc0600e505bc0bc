import type { MemberJoined } from '@taizhang/contracts';
import { notInFuture } from '@taizhang/domain';
import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type { JoinUnion } from '../member.commands';
import type { Member } from '../member.state';
import { birthdayAt, branchNotFound } from './member-rules.decider';

/** The minimum age of employment (劳动法 §15): nobody younger works, so nobody younger joins. */
const MINIMUM_AGE = 16;

// The person's membership may lie outside the caller's scope (any number can be typed in): the
// refusal says what to do, and names the member, union and dates only to whoever may see them.
const refuseExistingMembership = (state: Member, unionId: string): void => {
  if (state.status === 'Active' && state.unionId === unionId)
    throw new IllegalStateError(
      'This person is already a member of this union. / 此人已是本工会会员。',
      'MEMBER_ALREADY_ACTIVE',
      { memberId: state.memberId, unionId },
    );
  if (state.status === 'Active')
    throw new IllegalStateError(
      'This person is already a member of another union: ask for a transfer (会员关系转接) rather than a second join. / 此人已是其他工会的会员，请办理会员关系转接，不能重复入会。',
      'MEMBER_ALREADY_ACTIVE',
      {},
      {
        unitId: state.unionId,
        message: `This person is already a member of union ${state.unionId}: record a transfer (会员关系转接) rather than a second join. / 此人已是其他工会的会员，请办理会员关系转接，不能重复入会。`,
        details: { memberId: state.memberId, unionId: state.unionId },
      },
    );
  if (state.status === 'Retained')
    throw new IllegalStateError(
      'This person’s membership is retained; restore it by a transfer into this union (ask for it where it is kept). / 此人保留会籍，请通过会员关系转接恢复会籍。',
      'MEMBERSHIP_RETAINED',
      {},
      {
        unitId: state.retention.heldByOrgUnitId,
        details: { memberId: state.memberId, heldByOrgUnitId: state.retention.heldByOrgUnitId },
      },
    );
};

// A new join reuses the person's key; after an erasure it must bring a new one.
const checkKey = (command: JoinUnion, state: Member): void => {
  if (state.status !== 'Left') return;
  const { keyId, erased } = state.personalData;
  const given = command.data.personalData.keyId;
  if ((keyId !== null && !erased && given !== keyId) || (erased && given === keyId))
    throw new IllegalStateError(
      'The member’s personal data changed while this request was handled; send it again. / 会员信息刚被修改，请重新提交。',
      'PERSONAL_DATA_KEY_CHANGED',
    );
};

const checkIdCard = ({ data }: JoinUnion): void => {
  if (data.gender !== data.idCard.gender)
    throw new IllegalStateError(
      'The gender does not match the ID card number (its 17th digit). / 性别与身份证号码不符。',
      'GENDER_MISMATCH',
    );
  if (data.statedBirthDate !== null && data.statedBirthDate !== data.idCard.birthDate)
    throw new IllegalStateError(
      'The birth date does not match the ID card number. / 出生日期与身份证号码不符。',
      'BIRTH_DATE_MISMATCH',
    );
  if (data.joinedOn < birthdayAt(data.idCard.birthDate, MINIMUM_AGE))
    throw new IllegalStateError(
      `A member must be at least ${MINIMUM_AGE} years old on the join date. / 入会时须年满${MINIMUM_AGE}周岁。`,
      'MEMBER_TOO_YOUNG',
    );
};

// Seed 003: a street, community or village federation develops members (发展会员) where no
// union exists yet; a district or the city does not hold members itself.
const HOLDERS: ReadonlySet<string> = new Set(['street', 'community', 'village']);

/** The unit joined: the union, or the federation unit holding members before a union exists. */
const joinedUnit = ({ data }: JoinUnion): { id: string; establishedOn: string | null } => {
  if (data.holder) {
    if (!HOLDERS.has(data.holder.kind))
      throw new IllegalStateError(
        'Only a street, community or village federation holds members itself. / 只有街道(乡镇)、社区或村工会可以直接发展会员。',
        'CANNOT_HOLD_MEMBERS',
        { kind: data.holder.kind },
      );

    return { id: data.holder.id, establishedOn: null };
  }
  if (data.union.status !== 'Registered')
    throw new NotFoundError('The union does not exist. / 工会不存在。');

  return data.union;
};

export const joinUnion = (command: JoinUnion, state: Member): MemberJoined => {
  const { data } = command;
  const union = joinedUnit(command);
  refuseExistingMembership(state, union.id);
  notInFuture(data.joinedOn, command.metadata.now, 'join date', '入会日期');
  if (union.establishedOn !== null && data.joinedOn < union.establishedOn)
    throw new IllegalStateError(
      `The join date ${data.joinedOn} is before the union was founded (${union.establishedOn}). / 入会日期早于工会成立日期。`,
      'JOINED_BEFORE_FOUNDING',
    );
  if (state.status === 'Left' && data.joinedOn < state.leftOn)
    throw new IllegalStateError(
      `The join date ${data.joinedOn} is before the day this person last left a union; date the join on or after it. / 重新入会日期早于上次退会日期。`,
      'DATE_BEFORE_LAST_CHANGE',
      {},
      {
        unitId: state.unionId,
        message: `The join date ${data.joinedOn} is before the person left the union (${state.leftOn}). / 重新入会日期早于上次退会日期。`,
        details: { leftOn: state.leftOn },
      },
    );
  checkIdCard(command);
  if (data.channel === 'at_source' && !data.migrantWorker)
    throw new IllegalStateError(
      'Joining at source (源头入会) is for migrant workers only. / 源头入会仅适用于农民工。',
      'AT_SOURCE_NOT_MIGRANT',
    );
  checkKey(command, state);
  if (data.branch && !data.branch.found) throw branchNotFound();

  return {
    type: 'MemberJoined',
    data: {
      memberId: data.memberId,
      unionId: union.id,
      name: data.name,
      gender: data.gender,
      joinedOn: data.joinedOn,
      idCardNumber: data.personalData.idCardNumber,
      phone: data.personalData.phone,
      birthDate: data.personalData.birthDate,
      employerId: data.employerId,
      employmentForm: data.employmentForm,
      migrantWorker: data.migrantWorker,
      channel: data.channel,
      ...(data.branch ? { branchId: data.branch.branchId } : {}),
      ...(data.holder ? { heldByFederation: true as const } : {}),
    },
  };
};
