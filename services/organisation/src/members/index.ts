export { readUnionInScope } from './member-scope';
export type { MemberCommand } from './member.commands';
export { memberDecider } from './member.decider';
export type { Member, MemberEvent } from './member.decider';
export { decideForMembersOf } from './members-of-union';
