import { organisationEvent } from './organisation-event';

const profile = { gender: 'female', employmentForm: 'new_form', migrantWorker: true };

/** Member `id`'s events as the topic carries them, each keyed by the union it concerns. */
export const memberEvents = (id: string) => {
  const at = (unit: string, version: number, schemaVersion = 1) => ({
    unit,
    path: `m/s1/${unit}`,
    streamId: `member-${id}`,
    version,
    schemaVersion,
  });

  return {
    joined: (union: string, joinedOn: string) =>
      organisationEvent(
        'MemberJoined',
        {
          memberId: id,
          unionId: union,
          name: '王芳',
          joinedOn,
          idCardNumber: null,
          phone: null,
          birthDate: null,
          employerId: null,
          channel: 'individual',
          ...profile,
        },
        at(union, 1, 2),
      ),
    transferred: (version: number, from: string, to: string, on: string, retained = false) =>
      organisationEvent(
        'MemberTransferred',
        {
          memberId: id,
          fromUnionId: from,
          toUnionId: to,
          transferredOn: on,
          joinedOn: '2021-03-01',
          ...profile,
          ...(retained ? { cause: 'merger', retention: { reason: 'retired', since: on } } : {}),
        },
        at(to, version),
      ),
    retained: (version: number, union: string, heldByOrgUnitId: string, since: string) =>
      organisationEvent(
        'MembershipRetained',
        {
          memberId: id,
          unionId: union,
          reason: 'unemployed',
          heldBy: heldByOrgUnitId === union ? 'union' : 'federation',
          heldByOrgUnitId,
          since,
        },
        at(heldByOrgUnitId, version),
      ),
    left: (version: number, union: string, leftOn: string) =>
      organisationEvent(
        'MemberLeft',
        { memberId: id, unionId: union, reason: '调离本市', leftOn },
        at(union, version),
      ),
    erased: (version: number) =>
      organisationEvent(
        'MemberPersonalDataErased',
        { memberId: id, keyId: '0b6f3c1e-8a52-4c1f-9d7e-2f1b6a4c9e10', reason: '本人申请' },
        at('u1', version),
      ),
  };
};
