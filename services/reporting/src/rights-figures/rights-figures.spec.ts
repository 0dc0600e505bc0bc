import type { EventEnvelope } from '@taizhang/contracts';

import { nextNewYear, rightsFigureDeltas } from './rights-figures';

const event = (type: string, data: object): EventEnvelope => ({
  eventId: 'e1',
  type,
  schemaVersion: 1,
  service: 'rights',
  streamId: 'dispute-1',
  streamType: 'dispute',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-03-01T00:00:00.000Z',
  recordedAt: '2026-03-01T00:00:00.000Z',
  orgUnitId: 'u1',
  orgPath: 'm/d/u1',
  actor: { id: 'cadre-1', role: 'union_cadre' },
  correlationId: 'c',
  causationId: null,
  commandId: null,
  data,
});

describe('rights figure deltas (维权指标)', () => {
  it('counts each step of a dispute on its own business date, for its union', () => {
    expect(rightsFigureDeltas(event('DisputeRegistered', { acceptedOn: '2026-03-01' }))).toEqual([
      { unitId: 'u1', day: '2026-03-01', figures: { disputes_received: 1 } },
    ]);
    expect(
      rightsFigureDeltas(event('DisputeAgreed', { agreedOn: '2026-03-09', amountRecoveredFen: 5 })),
    ).toEqual([
      { unitId: 'u1', day: '2026-03-09', figures: { disputes_agreed: 1, amount_recovered_fen: 5 } },
    ]);
    expect(rightsFigureDeltas(event('DisputeFailed', { failedOn: '2026-03-10' }))).toEqual([
      { unitId: 'u1', day: '2026-03-10', figures: { disputes_failed: 1 } },
    ]);
    expect(
      rightsFigureDeltas(event('DisputeArbitrationEligible', { eligibleOn: '2026-03-16' })),
    ).toEqual([{ unitId: 'u1', day: '2026-03-16', figures: { disputes_overdue: 1 } }]);
  });

  it('counts nothing for a withdrawal, a referral or a congress (its own projection)', () => {
    for (const type of ['DisputeWithdrawn', 'HardshipScreeningRequested', 'CongressHeld'])
      expect(rightsFigureDeltas(event(type, {}))).toEqual([]);
  });

  it('ends a year on the next 1 January', () =>
    expect(nextNewYear('2026-12-31')).toBe('2027-01-01'));
});
