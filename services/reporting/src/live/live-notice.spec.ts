import type { EventEnvelope } from '@taizhang/contracts';

import {
  compareStreamIds,
  isStreamId,
  liveChanges,
  liveUpdateFor,
  sseMessage,
} from './live-notice';

const event = (orgUnitId: string, occurredAt: string, orgPath = '') =>
  ({ orgUnitId, occurredAt, orgPath }) as unknown as EventEnvelope;

describe('live notices', () => {
  const paths = new Map([
    ['u1', 'm/d1/s1/u1'],
    ['u2', 'm/d2/u2'],
    ['s1', 'm/d1/s1'],
  ]);

  it('notes each unit and business day of a run once, where reporting and the event place it', () => {
    expect(
      liveChanges(
        [
          event('u1', '2026-03-01T10:00:00.000Z'),
          event('u1', '2026-03-01T11:00:00.000Z'),
          event('u2', '2026-02-28T23:00:00.000Z'),
          event('nowhere', '2026-03-01T10:00:00.000Z'),
          // Moved from street s9: both streets' views change.
          event('u1', '2026-03-02T10:00:00.000Z', 'm/d1/s9/u1'),
        ],
        paths,
      ),
    ).toEqual([
      { path: 'm/d1/s1/u1', day: '2026-03-01' },
      { path: 'm/d2/u2', day: '2026-02-28' },
      { path: 'm/d1/s1/u1', day: '2026-03-02' },
      { path: 'm/d1/s9/u1', day: '2026-03-02' },
    ]);
  });

  it('tells a subscriber the changed units from its own down, with their days only', () => {
    const changes = [
      { path: 'm/d1/s1/u1', day: '2026-03-01' },
      { path: 'm/d2/u2', day: '2026-02-28' },
    ];

    expect(liveUpdateFor('m/d1', changes)).toEqual({
      orgUnitIds: ['d1', 's1', 'u1'],
      businessDays: ['2026-03-01'],
    });
    expect(liveUpdateFor('m', changes)).toEqual({
      orgUnitIds: ['d1', 'd2', 'm', 's1', 'u1', 'u2'],
      businessDays: ['2026-02-28', '2026-03-01'],
    });
  });

  it('tells a neighbour nothing, also one whose id starts like the changed one', () => {
    const changes = [{ path: 'm/d1/s1/u1', day: '2026-03-01' }];

    expect(liveUpdateFor('m/d2', changes)).toBeNull();
    expect(liveUpdateFor('m/d', changes)).toBeNull();
    expect(liveUpdateFor('m/d1/s1/u1/b', changes)).toBeNull();
  });

  it('orders stream ids as numbers, not as text', () => {
    expect(compareStreamIds('9-0', '10-0')).toBeLessThan(0);
    expect(compareStreamIds('10-2', '10-10')).toBeLessThan(0);
    expect(compareStreamIds('10-3', '10-3')).toBe(0);
    expect(compareStreamIds('11-0', '10-99')).toBeGreaterThan(0);
    expect(isStreamId('1700000000000-0')).toBe(true);
    expect(isStreamId('1700000000000')).toBe(false);
    expect(isStreamId('1-0\nevent: x')).toBe(false);
  });

  it('writes one event per message, its JSON on one data line', () => {
    expect(sseMessage('5-1', 'change', { orgUnitIds: ['行'] })).toBe(
      'id: 5-1\nevent: change\ndata: {"orgUnitIds":["行"]}\n\n',
    );
  });
});
