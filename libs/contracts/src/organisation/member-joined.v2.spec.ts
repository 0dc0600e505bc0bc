import { randomUUID } from 'node:crypto';

import { organisationRegistry } from './index';

const envelope = (schemaVersion: number, data: unknown) => ({
  eventId: randomUUID(),
  type: 'MemberJoined',
  schemaVersion,
  service: 'organisation',
  streamId: 'member-1',
  streamType: 'member',
  streamVersion: 1,
  position: '3',
  occurredAt: '2020-06-30T16:00:00.000Z',
  recordedAt: '2026-01-03T08:00:00.000Z',
  orgUnitId: 'u1',
  orgPath: 'm/d/s/u1',
  actor: { id: 'cadre-1', role: 'union_cadre' },
  correlationId: 'c1',
  causationId: null,
  commandId: null,
  data,
});

const v1 = {
  memberId: 'p1',
  unionId: 'u1',
  name: '王秀英',
  gender: 'female',
  joinedOn: '2020-07-01',
};

describe('MemberJoined', () => {
  it('reads a stored v1 event as v2, every new field "not recorded" rather than guessed', () => {
    const read = organisationRegistry.parseEnvelope(envelope(1, v1));

    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual({
      ...v1,
      idCardNumber: null,
      phone: null,
      birthDate: null,
      employerId: null,
      employmentForm: null,
      migrantWorker: null,
      channel: null,
    });
  });

  it('refuses a plain ID card number: v2 carries only ciphertext', () => {
    expect(() =>
      organisationRegistry.parseEnvelope(
        envelope(2, {
          ...v1,
          idCardNumber: '210102198503120025',
          phone: null,
          birthDate: null,
          employerId: null,
          employmentForm: 'regular',
          migrantWorker: false,
          channel: 'individual',
        }),
      ),
    ).toThrow(/idCardNumber/);
  });
});
