import type { EventEnvelope } from '@taizhang/contracts';

import { toEventMessage } from './event-message';

describe('toEventMessage', () => {
  it('keys by org unit and names the event in headers', () => {
    const envelope = {
      eventId: '0b6f3c52-5f5e-4a8e-9d55-3c1f0f6b2a10',
      type: 'UnionRegistered',
      schemaVersion: 2,
      orgUnitId: 'union-9',
    } as EventEnvelope;
    expect(toEventMessage(envelope)).toEqual({
      key: 'union-9',
      value: JSON.stringify(envelope),
      headers: {
        'event-type': 'UnionRegistered',
        'event-id': '0b6f3c52-5f5e-4a8e-9d55-3c1f0f6b2a10',
        'schema-version': '2',
      },
    });
  });
});
