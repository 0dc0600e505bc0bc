import { IllegalStateError, NotFoundError } from '@taizhang/event-store';

import type { Union } from '../../unions';
import type { Enrolment, Member } from '../member.state';

/** The member as recorded, or a 404 for a person who never joined. */
export const enrolmentOf = (state: Member): Exclude<Member, { status: 'None' }> => {
  if (state.status === 'None') throw new NotFoundError('The member does not exist. / 会员不存在。');

  return state;
};

/** Nothing is recorded before the member joined, nor before the last change of the membership. */
export const notBeforeLastChange = (
  date: string,
  member: Enrolment,
  what: string,
  whatZh: string,
): void => {
  if (date < member.joinedOn)
    throw new IllegalStateError(
      `The ${what} ${date} is before the member joined (${member.joinedOn}). / ${whatZh}早于入会日期。`,
      'DATE_BEFORE_JOINING',
    );
  if (date < member.since)
    throw new IllegalStateError(
      `The ${what} ${date} is before the last change of the membership (${member.since}). / ${whatZh}早于会籍上一次变动的日期。`,
      'DATE_BEFORE_LAST_CHANGE',
    );
};

/** The date a person born on `birthDate` turns `years` old (29 February stays a string bound). */
export const birthdayAt = (birthDate: string, years: number): string =>
  `${String(Number(birthDate.slice(0, 4)) + years).padStart(4, '0')}${birthDate.slice(4)}`;

/**
 * The unit above a union: its parent id, or for a dissolved union (whose state keeps only its
 * path) the next-to-last id of its path (`<city>/<district>/<street>/<union>`).
 */
export const parentIdOf = (union: Union): string | null => {
  if (union.status === 'None') return null;
  if ('parentId' in union) return union.parentId;
  const path = union.orgPath.split('/');

  return path.length > 1 ? path[path.length - 2]! : null;
};

/** A branch unit the member's union does not have (or one of another union). */
export const branchNotFound = (): IllegalStateError =>
  new IllegalStateError(
    'The union has no such branch union or union group. / 本工会没有该分工会或工会小组。',
    'BRANCH_NOT_FOUND',
  );
