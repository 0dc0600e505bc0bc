import { randomUUID } from 'node:crypto';

import { EventRegistry, MemberJoinedV1 } from '@taizhang/contracts';

import { decodeMessage } from './decode-message';

// A frozen event version: the platform's tests do not move with organisation's contracts.
const registry = new EventRegistry([MemberJoinedV1]);

const envelope = (type: string, data: unknown) => ({
  eventId: randomUUID(),
  type,
  schemaVersion: 1,
  service: 'organisation',
  streamId: 'union-1',
  streamType: 'union',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-01-05T00:00:00.000Z',
  recordedAt: '2026-01-05T00:00:01.000Z',
  orgUnitId: 'union-1',
  orgPath: '2111/211103/union-1',
  actor: { id: 'cadre-1', role: 'union_cadre' },
  correlationId: 'c-1',
  causationId: null,
  commandId: null,
  data,
});

const member = {
  memberId: 'm-1',
  unionId: 'union-1',
  name: '王芳',
  gender: 'female',
  joinedOn: '2026-01-05',
};
const encode = (value: unknown) => Buffer.from(JSON.stringify(value));

describe('decodeMessage', () => {
  it('returns a valid event', () => {
    const raw = envelope('MemberJoined', member);
    expect(decodeMessage(registry, encode(raw))).toEqual({ ok: true, event: raw });
  });

  it.each([
    ['an empty value', null, 'INVALID_JSON', /no value/],
    ['bad JSON', Buffer.from('{"eventId": '), 'INVALID_JSON', /not JSON/],
    ['something that is no envelope', encode({ hello: 'world' }), 'INVALID_ENVELOPE', /envelope/],
    [
      'an unknown type',
      encode(envelope('MemberLevitated', {})),
      'UNKNOWN_EVENT_TYPE',
      /MemberLevitated/,
    ],
    [
      'data failing its schema',
      encode(envelope('MemberJoined', { ...member, gender: 'unknown' })),
      'INVALID_EVENT_DATA',
      /gender/,
    ],
  ])('dead-letters %s with its reason', (_, value, code, reason) => {
    const decoded = decodeMessage(registry, value);
    expect(decoded).toMatchObject({ ok: false, letter: { code } });
    expect(decoded.ok ? '' : decoded.letter.reason).toMatch(reason);
  });
});
