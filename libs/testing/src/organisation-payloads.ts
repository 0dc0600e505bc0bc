/**
 * Valid payloads of `organisation` events for tests that feed them to a consumer: the fields a
 * test is about are given, the rest (a founding congress, a committee, a person's profile) filled
 * with plain values. Given fields win over the defaults.
 */

/** A `UnionEstablished` payload: a union founded by its congress, with a chair for `termYears`. */
export const unionEstablishedData = (union: {
  unionId: string;
  parentId: string;
  orgPath: string;
  establishedOn: string;
  employerIds: string[];
  termEndsOn: string;
  [field: string]: unknown;
}) => ({
  name: `${union.unionId}工会`,
  congress: { entitledVoters: 30, present: 25 },
  committee: [{ name: '李明', post: 'chair' }],
  termYears: 5,
  ...union,
});

/** A `MemberJoined` payload (v2): a regular, non-migrant worker (张三) who joined on her own. */
export const memberJoinedData = (member: {
  memberId: string;
  unionId: string;
  [field: string]: unknown;
}) => ({
  name: '张三',
  gender: 'female',
  joinedOn: '2020-01-01',
  idCardNumber: null,
  phone: null,
  birthDate: null,
  employerId: null,
  channel: 'individual',
  employmentForm: 'regular',
  migrantWorker: false,
  ...member,
});
