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

  it('moves a handed-over dispute’s counts from the merged union to the surviving one, on the day', () => {
    expect(
      rightsFigureDeltas(
        event('DisputeHandedOver', {
          fromUnionId: 'u1',
          toUnionId: 'u2',
          on: '2026-04-01',
          eligibleForArbitration: false,
        }),
      ),
    ).toEqual([
      { unitId: 'u1', day: '2026-04-01', figures: { disputes_received: -1 } },
      { unitId: 'u2', day: '2026-04-01', figures: { disputes_received: 1 } },
    ]);
    // Past its mediation days already: its overdue count goes along.
    expect(
      rightsFigureDeltas(
        event('DisputeHandedOver', {
          fromUnionId: 'u1',
          toUnionId: 'u2',
          on: '2026-04-01',
          eligibleForArbitration: true,
        }),
      ),
    ).toEqual([
      { unitId: 'u1', day: '2026-04-01', figures: { disputes_received: -1, disputes_overdue: -1 } },
      { unitId: 'u2', day: '2026-04-01', figures: { disputes_received: 1, disputes_overdue: 1 } },
    ]);
  });

  it('moves a handed-over proposal’s counts, answered with it when it was', () => {
    const handedOver = (answered: boolean) =>
      rightsFigureDeltas(
        event('ProposalHandedOver', {
          fromUnionId: 'u1',
          toUnionId: 'u2',
          on: '2026-04-01',
          answered,
        }),
      );
    expect(handedOver(false)).toEqual([
      { unitId: 'u1', day: '2026-04-01', figures: { proposals_received: -1 } },
      { unitId: 'u2', day: '2026-04-01', figures: { proposals_received: 1 } },
    ]);
    expect(handedOver(true)[1]).toEqual({
      unitId: 'u2',
      day: '2026-04-01',
      figures: { proposals_received: 1, proposals_answered: 1 },
    });
  });

  it('counts nothing when a dissolution leaves a record where it is (kept, lapsed, closed unanswered)', () => {
    for (const type of [
      'DisputeKeptByFederation',
      'ContractRequestLapsed',
      'ProposalClosedUnanswered',
      'ContractRequestHandedOver',
    ])
      expect(rightsFigureDeltas(event(type, {}))).toEqual([]);
  });

  it('ends a year on the next 1 January', () =>
    expect(nextNewYear('2026-12-31')).toBe('2027-01-01'));
});
