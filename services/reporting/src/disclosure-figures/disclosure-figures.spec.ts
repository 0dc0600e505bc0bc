import type { EventEnvelope } from '@taizhang/contracts';

import { warningFigureDeltas } from './disclosure-figures';

const event = (type: string, data: object): EventEnvelope => ({
  eventId: 'e1',
  type,
  schemaVersion: 1,
  service: 'rights',
  streamId: 'early-warning-1',
  streamType: 'early-warning',
  streamVersion: 1,
  position: '1',
  occurredAt: '2026-03-01T00:00:00.000Z',
  recordedAt: '2026-03-01T00:00:00.000Z',
  orgUnitId: 'd1',
  orgPath: 'm/d1',
  actor: { id: 'officer-1', role: 'federation_officer' },
  correlationId: 'c',
  causationId: null,
  commandId: null,
  data,
});

describe('early-warning figure deltas (劳动关系预警)', () => {
  it('opens a warning at its level on the day raised, for the unit that raised it', () =>
    expect(
      warningFigureDeltas(event('EarlyWarningRaised', { level: 'orange', raisedOn: '2026-03-01' })),
    ).toEqual([
      {
        unitId: 'd1',
        day: '2026-03-01',
        figures: { early_warnings_open: 1, early_warnings_orange: 1 },
      },
    ]));

  it('moves it from one level to the other on the day changed, still open', () =>
    expect(
      warningFigureDeltas(
        event('EarlyWarningLevelChanged', { from: 'orange', to: 'red', changedOn: '2026-03-05' }),
      ),
    ).toEqual([
      {
        unitId: 'd1',
        day: '2026-03-05',
        figures: { early_warnings_orange: -1, early_warnings_red: 1 },
      },
    ]));

  it('closes it at its last level on the day resolved', () =>
    expect(
      warningFigureDeltas(
        event('EarlyWarningResolved', { level: 'red', resolvedOn: '2026-03-09' }),
      ),
    ).toEqual([
      {
        unitId: 'd1',
        day: '2026-03-09',
        figures: { early_warnings_open: -1, early_warnings_red: -1 },
      },
    ]));

  it('moves an open warning, at its level, from its ended union to the one carrying it on', () => {
    const moved = (figures: number) => ({ early_warnings_open: figures, early_warnings_red: figures });
    expect(
      warningFigureDeltas(
        event('EarlyWarningHandedOver', {
          fromUnitId: 'u1',
          toUnitId: 'u2',
          on: '2026-06-01',
          level: 'red',
        }),
      ),
    ).toEqual([
      { unitId: 'u1', day: '2026-06-01', figures: moved(-1) },
      { unitId: 'u2', day: '2026-06-01', figures: moved(1) },
    ]);
    expect(
      warningFigureDeltas(
        event('EarlyWarningKeptByFederation', {
          unitId: 'u1',
          keeperId: 's1',
          on: '2026-06-02',
          level: 'red',
        }),
      ),
    ).toEqual([
      { unitId: 'u1', day: '2026-06-02', figures: moved(-1) },
      { unitId: 's1', day: '2026-06-02', figures: moved(1) },
    ]);
  });

  it('counts nothing for a follow-up or a disclosure (its own projection)', () => {
    for (const type of ['EarlyWarningFollowedUp', 'DisclosureRecorded', 'DisputeRegistered'])
      expect(warningFigureDeltas(event(type, {}))).toEqual([]);
  });
});
