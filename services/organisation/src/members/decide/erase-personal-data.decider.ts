import type { MemberPersonalDataErased } from '@taizhang/contracts';
import { IllegalStateError } from '@taizhang/event-store';

import type { ErasePersonalData } from '../member.commands';
import type { Member } from '../member.state';
import { enrolmentOf } from './member-rules.decider';

/**
 * Records that the person's key is destroyed (the key row goes in the same transaction). A union
 * needs the ID card number of every current member (实名制), so only a person who left is erased.
 */
export const erasePersonalData = (
  command: ErasePersonalData,
  state: Member,
): MemberPersonalDataErased => {
  const member = enrolmentOf(state);
  if (member.status !== 'Left')
    throw new IllegalStateError(
      'Personal data is erased only after the member has left the union. / 会员退会后才能删除其个人信息。',
      'MEMBER_STILL_ACTIVE',
    );
  const { keyId, erased } = member.personalData;
  if (keyId === null)
    throw new IllegalStateError(
      'No personal data was recorded for this member. / 该会员没有登记个人信息。',
      'NO_PERSONAL_DATA',
    );
  if (erased)
    throw new IllegalStateError(
      'The personal data is already erased. / 该会员的个人信息已删除。',
      'ALREADY_ERASED',
    );

  return {
    type: 'MemberPersonalDataErased',
    data: { memberId: member.memberId, keyId, reason: command.data.reason },
  };
};
