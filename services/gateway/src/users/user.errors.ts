import { DomainError, IllegalStateError } from '@taizhang/event-store';

/** Stable codes of the user-administration problems. */
export enum UserErrorCode {
  UsernameTaken = 'USERNAME_TAKEN',
  OrgUnitRequired = 'ORG_UNIT_REQUIRED',
  OrgUnitNotFound = 'ORG_UNIT_NOT_FOUND',
  OrgUnitDissolved = 'ORG_UNIT_DISSOLVED',
  RoleDoesNotFitUnit = 'ROLE_DOES_NOT_FIT_UNIT',
  OwnAccount = 'OWN_ACCOUNT',
}

/** Another account already has this username (409). */
export class UsernameTakenError extends DomainError {
  readonly code = UserErrorCode.UsernameTaken;
  readonly status = 409;
  constructor(username: string) {
    super(`The username ${username} is taken. / 用户名已被使用。`, { username });
  }
}

export const orgUnitRequired = (): IllegalStateError =>
  new IllegalStateError(
    'Every account but an admin belongs to an org unit: give orgUnitId. / 请指定所属组织。',
    UserErrorCode.OrgUnitRequired,
  );

export const orgUnitNotFound = (orgUnitId: string): IllegalStateError =>
  new IllegalStateError(
    `No org unit ${orgUnitId} is known to the gateway (yet). / 未找到该组织。`,
    UserErrorCode.OrgUnitNotFound,
    { orgUnitId },
  );

export const orgUnitDissolved = (orgUnitId: string): IllegalStateError =>
  new IllegalStateError(
    `The org unit ${orgUnitId} is dissolved. / 该组织已撤销。`,
    UserErrorCode.OrgUnitDissolved,
    { orgUnitId },
  );

export const roleDoesNotFitUnit = (role: string, kind: string): IllegalStateError =>
  new IllegalStateError(
    role === 'union_cadre'
      ? 'A union cadre belongs to a grassroots union. / 基层工会干部须属于基层工会。'
      : 'A federation officer belongs to a federation (city, district or street). / 总工会干部须属于总工会或街道工会联合会。',
    UserErrorCode.RoleDoesNotFitUnit,
    { role, kind },
  );

export const ownAccount = (): IllegalStateError =>
  new IllegalStateError(
    'You cannot disable your own account or change its role; ask another admin. / 不能停用自己的账号或更改自己的角色。',
    UserErrorCode.OwnAccount,
  );
