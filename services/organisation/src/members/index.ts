export { readUnionInScope } from './member-scope';
export type { MemberCommand } from './member.commands';
export { memberDecider } from './member.decider';
export type { Member, MemberEvent } from './member.decider';
export { decideForMembersOf } from './members-of-union';
export { maskIdCardNumber, parseIdCardNumber } from './id-card-number';
export { PersonalDataError } from './personal-data.error';
export { PersonalDataVault } from './personal-data/personal-data-vault';
export type { Enrolment } from './member.state';
