import type { EventEnvelope } from '@taizhang/contracts';

import { protectionFigureDeltas } from './protection-figures';

const event = (type: string, data: object): EventEnvelope => ({
  eventId: 'e1',
  type,
  schemaVersion: 1,
  service: 'rights',
  streamId: 'inspection-1',
  streamType: 'labour-inspection',
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

describe('labour-protection figure deltas (劳动保护指标)', () => {
  it('counts inspections, women-special ones apart, on the inspection day', () => {
    expect(
      protectionFigureDeltas(
        event('LabourInspectionRecorded', { kind: 'women_special', inspectedOn: '2026-03-01' }),
      ),
    ).toEqual([
      {
        unitId: 'u1',
        day: '2026-03-01',
        figures: { inspections: 1, women_special_inspections: 1 },
      },
    ]);
    expect(
      protectionFigureDeltas(
        event('LabourInspectionRecorded', { kind: 'general', inspectedOn: '2026-03-02' }),
      ),
    ).toEqual([
      {
        unitId: 'u1',
        day: '2026-03-02',
        figures: { inspections: 1, women_special_inspections: 0 },
      },
    ]);
  });

  it('counts a hazard found, rectified and overdue each on its own business date', () => {
    expect(protectionFigureDeltas(event('HazardFound', { foundOn: '2026-03-01' }))).toEqual([
      { unitId: 'u1', day: '2026-03-01', figures: { hazards_found: 1 } },
    ]);
    expect(protectionFigureDeltas(event('HazardRectified', { rectifiedOn: '2026-03-09' }))).toEqual(
      [{ unitId: 'u1', day: '2026-03-09', figures: { hazards_rectified: 1 } }],
    );
    expect(
      protectionFigureDeltas(
        event('HazardRectificationOverdue', { dueOn: '2026-03-10', overdueOn: '2026-03-11' }),
      ),
    ).toEqual([{ unitId: 'u1', day: '2026-03-11', figures: { hazards_overdue: 1 } }]);
  });

  it('moves what a handed-over inspection counted from the merged union to the surviving one', () =>
    expect(
      protectionFigureDeltas(
        event('InspectionHandedOver', {
          inspectionId: 'i1',
          fromUnionId: 'u1',
          toUnionId: 'u2',
          on: '2026-06-01',
          womenSpecial: true,
          hazardsFound: 2,
          hazardsRectified: 1,
          hazardsOverdue: 1,
        }),
      ),
    ).toEqual([
      {
        unitId: 'u1',
        day: '2026-06-01',
        figures: {
          inspections: -1,
          women_special_inspections: -1,
          hazards_found: -2,
          hazards_rectified: -1,
          hazards_overdue: -1,
        },
      },
      {
        unitId: 'u2',
        day: '2026-06-01',
        figures: {
          inspections: 1,
          women_special_inspections: 1,
          hazards_found: 2,
          hazards_rectified: 1,
          hazards_overdue: 1,
        },
      },
    ]));

  it('counts nothing for a notice, a verification, or a dispute (another set)', () => {
    for (const type of [
      'HazardRectificationRequested',
      'HazardRectificationVerified',
      'DisputeRegistered',
    ])
      expect(protectionFigureDeltas(event(type, {}))).toEqual([]);
  });
});
